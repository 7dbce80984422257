package org.hotline.ingest.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A made-up intake file (no real data): good records full of synthetic phone numbers, ID numbers and e-mails,
 * mixed with malformed lines of known reasons. Same seed, same bytes.
 */
public final class SyntheticIntake {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TOPICS = {"小区噪音扰民", "路灯不亮", "物业乱收费", "占道经营", "拖欠工资", "学校收费"};
    private static final String[] CHANNELS = {"phone", "web", "app", "wechat", "email", "other"};

    private final List<byte[]> lines = new ArrayList<>();
    private final List<String> goodIds = new ArrayList<>();
    private final List<String> rawPii = new ArrayList<>();
    private final Map<String, Integer> expectedReasons = new TreeMap<>();
    private final Random random;

    private SyntheticIntake(long seed) {
        this.random = new Random(seed);
    }

    /** {@code goodCount} valid records with every malformed kind mixed in between. */
    public static SyntheticIntake mixed(int goodCount, long seed) {
        SyntheticIntake intake = new SyntheticIntake(seed);
        for (int i = 0; i < goodCount; i++) {
            intake.addGood("G" + i);
            if (i % 50 == 7) {
                intake.addMalformed(i);
            }
        }
        return intake;
    }

    /** The whole file: one record per line, {@code \n} after each. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    public List<String> goodIds() {
        return goodIds;
    }

    /** Every phone, ID and e-mail written into the file, verbatim. */
    public List<String> rawPii() {
        return rawPii;
    }

    /** Dead letters to expect, by reason code. */
    public Map<String, Integer> expectedReasons() {
        return expectedReasons;
    }

    public int deadLetterCount() {
        return expectedReasons.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void addGood(String id) {
        ObjectNode record = baseRecord(id);
        lines.add(record.toString().getBytes(StandardCharsets.UTF_8));
        goodIds.add(id);
    }

    private ObjectNode baseRecord(String id) {
        String mobile = "1" + (3 + random.nextInt(7)) + digits(9);
        String idCard = "43" + digits(4) + (1950 + random.nextInt(50)) + twoDigits(1 + random.nextInt(12))
                + twoDigits(1 + random.nextInt(28)) + digits(3) + (random.nextBoolean() ? "X" : digits(1));
        String email = "user" + digits(5) + "@example.com";
        String landline = "0731-" + (2 + random.nextInt(8)) + digits(7);
        rawPii.addAll(List.of(mobile, idCard, email, landline));
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        ObjectNode record = JSON.createObjectNode();
        record.put("id", id);
        record.put("receivedAt", String.format("2019-%02d-%02dT%02d:%02d:00+08:00", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60)));
        record.put("title", topic + "，请联系" + mobile);
        record.put("content", "本人" + topic + "，身份证" + idCard + "，邮箱" + email + "，座机" + landline
                + "，住12栋3单元" + random.nextInt(900) + "室，已交费" + random.nextInt(5000) + "元。");
        record.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
        record.putObject("caller").put("phone", mobile).put("name", "市民" + digits(2));
        return record;
    }

    private void addMalformed(int i) {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("blank_content", json(baseRecord("B" + i).put("content", "   ")));
        bad.put("bad_time", json(baseRecord("T" + i).put("receivedAt", "2019-13-45 25:61")));
        bad.put("wrong_type", json(baseRecord("W" + i).put("content", 12345)));
        bad.put("not_json", ("{\"id\": \"N" + i + "\", oops").getBytes(StandardCharsets.UTF_8));
        bad.put("duplicate_id", json(baseRecord(goodIds.get(goodIds.size() - 1))));
        bad.put("unknown_channel", json(baseRecord("C" + i).put("channel", "fax")));
        byte[] invalid = json(baseRecord("U" + i));
        invalid[invalid.length - 5] = (byte) 0xFF;
        bad.put("invalid_utf8", invalid);
        if (i == 7) {
            bad.put("oversize", json(baseRecord("O" + i).put("content", "长".repeat(350_000)))); // ≈ 1 MB
        }
        bad.forEach((reason, line) -> {
            lines.add(line);
            expectedReasons.merge(reason, 1, Integer::sum);
        });
    }

    private static byte[] json(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    private static String twoDigits(int value) {
        return String.format("%02d", value);
    }
}
