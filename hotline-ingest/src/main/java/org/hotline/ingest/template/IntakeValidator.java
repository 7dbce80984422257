package org.hotline.ingest.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hotline.models.records.Caller;
import org.hotline.models.records.Channel;
import org.hotline.models.records.GeoPoint;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.Reply;

/**
 * Turns one raw record into a masked {@link HotlineRecord} or a {@link DeadLetter}. A pure function of its
 * input and configuration (no I/O, no state between calls), so the Flink job can run the same checks on what
 * it reads from Kafka. Checks, in this order (the first failure is the reason): size, UTF-8, JSON/CSV syntax,
 * {@code id}, {@code content}, {@code receivedAt}, then the optional fields. Duplicate ids are a property of a
 * batch, not of a record: {@code IntakePipeline} checks those.
 */
public final class IntakeValidator {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** Longest id: ids become Kafka keys and Elasticsearch {@code _id}s (at most 512 bytes). */
    public static final int MAX_ID_CHARS = 128;

    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "y", "是", "t");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "n", "否", "f");
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final MappingProfile profile;
    private final ZoneId zone;
    private final IntakeLimits limits;
    private final List<DateTimeFormatter> localTimeFormats;

    /**
     * @param profile how source fields map to the template
     * @param zone    zone of times written without an offset
     * @param limits  size limits
     */
    public IntakeValidator(MappingProfile profile, ZoneId zone, IntakeLimits limits) {
        this.profile = profile;
        this.zone = zone;
        this.limits = limits;
        this.localTimeFormats = profile.timeFormatters();
    }

    /** The template as is, default zone and limits: what a consumer of the intake topic re-checks. */
    public static IntakeValidator forTemplate() {
        return new IntakeValidator(MappingProfile.template(), DEFAULT_ZONE, IntakeLimits.defaults());
    }

    /** The zone to use: an explicit choice, else the profile's, else {@link #DEFAULT_ZONE}. */
    public static ZoneId zoneFor(MappingProfile profile, ZoneId explicitZone) {
        if (explicitZone != null) {
            return explicitZone;
        }
        return profile.zone() != null ? ZoneId.of(profile.zone()) : DEFAULT_ZONE;
    }

    public ValidationResult validate(RawRecord raw) {
        String recordId = null;
        try {
            checkRecordSize(raw);
            String text = decodeUtf8(raw.payload());
            FieldSource fields = new FieldSource(raw.isCsv() ? parseCsvRow(text, raw.csv()) : parseJsonObject(text),
                    raw.isCsv());
            recordId = readId(fields);
            return new ValidationResult.Accepted(readRecord(recordId, fields));
        } catch (Rejection rejection) {
            return new ValidationResult.Rejected(
                    DeadLetter.of(raw, rejection.reason, rejection.field, rejection.getMessage(), recordId));
        }
    }

    private void checkRecordSize(RawRecord raw) {
        if (raw.payloadLength() > limits.maxRecordBytes()) {
            throw new Rejection(RejectReason.OVERSIZE, null,
                    "record is " + raw.payloadLength() + " bytes, limit " + limits.maxRecordBytes());
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new Rejection(RejectReason.INVALID_UTF8, null, "invalid UTF-8 at byte " + in.position());
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static ObjectNode parseJsonObject(String text) {
        JsonNode node;
        try {
            node = STRICT_JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Rejection(RejectReason.NOT_JSON, null, "not JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw new Rejection(RejectReason.NOT_JSON, null, "not JSON: empty line");
        }
        if (!node.isObject()) {
            throw new Rejection(RejectReason.NOT_JSON, null,
                    "expected a JSON object, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    private static ObjectNode parseCsvRow(String text, CsvLayout layout) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).get();
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            rows = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Rejection(RejectReason.NOT_JSON, null, "malformed CSV row: " + firstLine(e.getMessage()));
        }
        if (rows.size() != 1) {
            throw new Rejection(RejectReason.NOT_JSON, null, "malformed CSV row: " + rows.size() + " rows in one");
        }
        CSVRecord row = rows.get(0);
        if (row.size() > layout.header().size()) {
            throw new Rejection(RejectReason.NOT_JSON, null, "malformed CSV row: " + row.size()
                    + " cells for " + layout.header().size() + " columns");
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < row.size(); i++) {
            object.put(layout.header().get(i), row.get(i));
        }
        return object;
    }

    private String readId(FieldSource fields) {
        JsonNode node = fields.find(profile.sourcesOf("id"));
        if (node == null) {
            throw new Rejection(RejectReason.MISSING_FIELD, "id", "id is missing");
        }
        String id;
        if (node.isTextual()) {
            id = node.textValue().strip();
        } else if (node.isIntegralNumber()) {
            id = node.asText();
        } else {
            throw wrongType("id", "text", node);
        }
        if (id.isEmpty()) {
            throw new Rejection(RejectReason.MISSING_FIELD, "id", "id is blank");
        }
        if (id.length() > MAX_ID_CHARS) {
            throw new Rejection(RejectReason.OVERSIZE, "id", "id is " + id.length() + " chars, limit " + MAX_ID_CHARS);
        }
        return id;
    }

    private HotlineRecord readRecord(String id, FieldSource fields) {
        String content = readText(fields, "content");
        if (content == null) {
            throw new Rejection(RejectReason.BLANK_CONTENT, "content", "content is missing or blank");
        }
        OffsetDateTime receivedAt = readTime(fields);
        String title = readText(fields, "title");
        Channel channel = readChannel(fields);
        String district = readText(fields, "district");
        String street = readText(fields, "street");
        String address = readText(fields, "address");
        GeoPoint location = readLocation(fields);
        Caller caller = readCaller(fields);
        Boolean enterprise = readBoolean(fields, "enterprise");
        List<String> labels = readLabels(fields);
        Reply reply = readReply(fields);
        return new HotlineRecord(id, receivedAt, PiiMasker.mask(title), PiiMasker.mask(content), channel,
                PiiMasker.mask(district), PiiMasker.mask(street), PiiMasker.mask(address), location, caller,
                enterprise, labels, reply);
    }

    /**
     * The official reply, masked like the content; a reply needs its text, its time and department are optional.
     * Besides the {@code reply} object, the flat form of exports such as the Teddy Cup data is read: {@code reply}
     * as text with {@code repliedAt} and {@code replyDepartment} beside it.
     */
    private Reply readReply(FieldSource fields) {
        boolean flat = profile.sourcesOf("reply.text").equals(List.of("reply.text"))
                && fields.root().path("reply").isTextual();
        String text = readText(fields, flat ? "reply" : "reply.text");
        OffsetDateTime repliedAt = readOptionalTime(fields, flat ? "repliedAt" : "reply.repliedAt");
        String department = readText(fields, flat ? "replyDepartment" : "reply.department");
        if (text == null && repliedAt == null && department == null) {
            return null;
        }
        if (text == null) {
            throw new Rejection(RejectReason.MISSING_FIELD, "reply.text",
                    "reply.text is missing or blank (a reply needs its text)");
        }
        return new Reply(PiiMasker.mask(text), repliedAt, PiiMasker.mask(department));
    }

    /** Stripped text of an optional field; {@code null} when absent or blank. */
    private String readText(FieldSource fields, String field) {
        JsonNode node = fields.find(profile.sourcesOf(field));
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, "text", node);
        }
        String text = node.textValue().strip();
        if (text.length() > limits.maxFieldChars()) {
            throw new Rejection(RejectReason.OVERSIZE, field,
                    field + " is " + text.length() + " chars, limit " + limits.maxFieldChars());
        }
        return text.isEmpty() ? null : text;
    }

    private OffsetDateTime readTime(FieldSource fields) {
        OffsetDateTime time = readOptionalTime(fields, "receivedAt");
        if (time == null) {
            throw new Rejection(RejectReason.MISSING_FIELD, "receivedAt", "receivedAt is missing");
        }
        return time;
    }

    /** A time in ISO-8601 with an offset or one of the profile's formats; {@code null} when absent or blank. */
    private OffsetDateTime readOptionalTime(FieldSource fields, String field) {
        JsonNode node = fields.find(profile.sourcesOf(field));
        if (node == null || (node.isTextual() && node.textValue().isBlank())) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(field, "ISO-8601 text", node);
        }
        String text = node.textValue().strip();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException notIsoWithOffset) {
            for (DateTimeFormatter format : localTimeFormats) {
                try {
                    return LocalDateTime.parse(text, format).atZone(zone).toOffsetDateTime();
                } catch (DateTimeException tryNext) {
                    // the next format may fit
                }
            }
        }
        throw new Rejection(RejectReason.BAD_TIME, field, field + " '" + abbreviate(text)
                + "' is not ISO-8601 with an offset" + (localTimeFormats.isEmpty() ? ""
                : " nor one of " + profile.timeFormats() + " (zone " + zone + ")"));
    }

    private Channel readChannel(FieldSource fields) {
        String value = readText(fields, "channel");
        if (value == null) {
            return null;
        }
        try {
            return Channel.fromWireName(profile.channelName(value));
        } catch (IllegalArgumentException e) {
            throw new Rejection(RejectReason.UNKNOWN_CHANNEL, "channel", "unknown channel '" + abbreviate(value)
                    + "' (phone, web, app, wechat, email, other)");
        }
    }

    private GeoPoint readLocation(FieldSource fields) {
        Double lat = readNumber(fields, "location.lat");
        Double lon = readNumber(fields, "location.lon");
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null || lon == null) {
            throw new Rejection(RejectReason.BAD_LOCATION, "location", "location needs both lat and lon");
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new Rejection(RejectReason.BAD_LOCATION, "location",
                    "location out of range: lat=" + lat + ", lon=" + lon);
        }
        return new GeoPoint(lat, lon);
    }

    private Double readNumber(FieldSource fields, String field) {
        JsonNode node = fields.find(profile.sourcesOf(field));
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (fields.textScalars() && node.isTextual()) {
            try {
                double value = Double.parseDouble(node.textValue().strip());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // reported below as a wrong type
            }
        }
        throw wrongType(field, "number", node);
    }

    private Caller readCaller(FieldSource fields) {
        String phone = readPhone(fields);
        String name = readText(fields, "caller.name");
        if (phone == null && name == null) {
            return null;
        }
        return new Caller(PiiMasker.maskPhoneField(phone), PiiMasker.maskName(name));
    }

    /** Phone numbers often arrive as JSON numbers: integral numbers are read as their digits. */
    private String readPhone(FieldSource fields) {
        JsonNode node = fields.find(profile.sourcesOf("caller.phone"));
        if (node != null && node.isIntegralNumber()) {
            return node.asText();
        }
        return readText(fields, "caller.phone");
    }

    private Boolean readBoolean(FieldSource fields, String field) {
        JsonNode node = fields.find(profile.sourcesOf(field));
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (fields.textScalars() && node.isTextual()) {
            String word = node.textValue().strip().toLowerCase(Locale.ROOT);
            if (TRUE_WORDS.contains(word)) {
                return true;
            }
            if (FALSE_WORDS.contains(word)) {
                return false;
            }
            if (word.isEmpty()) {
                return null;
            }
        }
        throw wrongType(field, "boolean", node);
    }

    private List<String> readLabels(FieldSource fields) {
        if (!profile.labelLevels().isEmpty() && fields.find(profile.labelLevels().subList(0, 1)) != null) {
            return readLabelLevels(fields);
        }
        JsonNode node = fields.find(profile.sourcesOf("labels"));
        if (node == null) {
            return List.of();
        }
        List<String> path = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode level : node) {
                if (!level.isTextual()) {
                    throw wrongType("labels", "an array of text", node);
                }
                addLevel(path, level.textValue());
            }
        } else if (fields.textScalars() && node.isTextual()) {
            for (String level : node.textValue().split(Pattern.quote(profile.labelSeparator()))) {
                addLevel(path, level);
            }
        } else {
            throw wrongType("labels", "an array of text", node);
        }
        return path;
    }

    /** One source field per level; the path ends at the first absent level. */
    private List<String> readLabelLevels(FieldSource fields) {
        List<String> path = new ArrayList<>();
        for (String levelField : profile.labelLevels()) {
            JsonNode node = fields.find(List.of(levelField));
            if (node == null || (node.isTextual() && node.textValue().isBlank())) {
                break;
            }
            if (!node.isTextual()) {
                throw wrongType("labels", "text in " + levelField, node);
            }
            addLevel(path, node.textValue());
        }
        return path;
    }

    private void addLevel(List<String> path, String level) {
        String name = level.strip();
        if (name.length() > limits.maxFieldChars()) {
            throw new Rejection(RejectReason.OVERSIZE, "labels", "a label is " + name.length() + " chars");
        }
        if (!name.isEmpty()) {
            path.add(name);
        }
    }

    private static Rejection wrongType(String field, String expected, JsonNode actual) {
        return new Rejection(RejectReason.WRONG_TYPE, field, field + " must be " + expected + ", got "
                + actual.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Control flow of a refusal inside {@link #validate}; never escapes it. */
    private static final class Rejection extends RuntimeException {
        private final RejectReason reason;
        private final String field;

        Rejection(RejectReason reason, String field, String message) {
            super(message, null, false, false);
            this.reason = reason;
            this.field = field;
        }
    }

    /** The fields of one parsed record, found by template path (dotted paths look into nested objects). */
    private record FieldSource(ObjectNode root, boolean textScalars) {

        /** The first present, non-null value among the source names; empty CSV cells count as absent. */
        JsonNode find(List<String> sourceNames) {
            for (String name : sourceNames) {
                JsonNode node = lookup(name);
                if (node != null && !node.isNull() && !(textScalars && node.isTextual() && node.textValue().isEmpty())) {
                    return node;
                }
            }
            return null;
        }

        private JsonNode lookup(String name) {
            JsonNode direct = root.get(name);
            if (direct != null || name.indexOf('.') < 0) {
                return direct;
            }
            JsonNode node = root;
            String[] steps = name.split("\\.");
            for (int i = 0; i < steps.length; i++) {
                if (i > 0 && !node.isObject()) {
                    String parent = String.join(".", Arrays.copyOfRange(steps, 0, i));
                    throw wrongType(parent, "an object", node);
                }
                node = node.get(steps[i]);
                if (node == null || node.isNull()) {
                    return null;
                }
            }
            return node;
        }
    }
}
