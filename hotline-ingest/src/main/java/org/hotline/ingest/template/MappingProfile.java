package org.hotline.ingest.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the fields of another export (CSV columns or JSON keys) become template fields. A template field that
 * {@code fields} does not list is read from the source field of the same name, so the empty profile is the
 * template itself. See docs/intake-template.md, "Mapping profiles".
 *
 * @param name           profile name, e.g. {@code teddy-cn}
 * @param description    one line for {@code --help} and logs
 * @param fields         template field → source fields, the first present one wins; a {@code labels} source
 *                       is a JSON array of names or one text split at {@code labelSeparator}
 * @param labelLevels    source fields that each hold one level of the label path (level 1 first), e.g.
 *                       一级分类, 二级分类, 三级分类; when present they are used instead of {@code fields.labels}
 * @param timeFormats    extra {@link DateTimeFormatter} patterns (use {@code uuuu} for the year) for times
 *                       without an offset; ISO-8601 with an offset is always accepted
 * @param zone           zone of times without an offset; {@code null} means the caller's default
 * @param channelValues  source channel value → template channel name (e.g. 电话 → phone)
 * @param labelSeparator splits a single text label column into a path (e.g. {@code 城乡建设/物业管理})
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record MappingProfile(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("fields") Map<String, List<String>> fields,
        @JsonProperty("timeFormats") List<String> timeFormats,
        @JsonProperty("zone") String zone,
        @JsonProperty("channelValues") Map<String, String> channelValues,
        @JsonProperty("labelSeparator") String labelSeparator,
        @JsonProperty("labelLevels") List<String> labelLevels) {

    /** Template fields a profile may map. Dotted names address the nested {@code location}, {@code caller} and
     * {@code reply}. */
    public static final Set<String> TARGET_FIELDS = Set.of(
            "id", "receivedAt", "title", "content", "channel", "district", "street", "address",
            "location.lat", "location.lon", "caller.phone", "caller.name", "enterprise", "labels",
            "reply.text", "reply.repliedAt", "reply.department");

    public MappingProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mapping profile needs a name");
        }
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            if (!TARGET_FIELDS.contains(field.getKey())) {
                throw new IllegalArgumentException("profile " + name + ": unknown template field '" + field.getKey()
                        + "' (known: " + String.join(", ", TARGET_FIELDS.stream().sorted().toList()) + ")");
            }
            if (field.getValue() == null || field.getValue().isEmpty()) {
                throw new IllegalArgumentException("profile " + name + ": no source listed for " + field.getKey());
            }
        }
        timeFormats = timeFormats == null ? List.of() : List.copyOf(timeFormats);
        timeFormats.forEach(MappingProfile::formatter); // fail on load, not on the first record
        if (zone != null) {
            ZoneId.of(zone);
        }
        channelValues = channelValues == null ? Map.of() : Map.copyOf(channelValues);
        labelSeparator = labelSeparator == null || labelSeparator.isEmpty() ? "/" : labelSeparator;
        labelLevels = labelLevels == null ? List.of() : List.copyOf(labelLevels);
    }

    /** The intake template itself: every field read under its own name. */
    public static MappingProfile template() {
        return new MappingProfile("template", "the intake template (identity)", Map.of(), List.of(), null, Map.of(),
                null, List.of());
    }

    /** Source fields to read for a template field. */
    public List<String> sourcesOf(String templateField) {
        return fields.getOrDefault(templateField, List.of(templateField));
    }

    /** The profile's time formats, compiled strictly (no 30 February), missing time parts read as 0. */
    public List<DateTimeFormatter> timeFormatters() {
        return timeFormats.stream().map(MappingProfile::formatter).toList();
    }

    /** The template channel name for a source value (mapped, else the value itself). */
    public String channelName(String sourceValue) {
        return channelValues.getOrDefault(sourceValue, sourceValue);
    }

    private static DateTimeFormatter formatter(String pattern) {
        try {
            return new DateTimeFormatterBuilder()
                    .appendPattern(pattern)
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                    .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                    .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad time format '" + pattern + "': " + e.getMessage(), e);
        }
    }
}
