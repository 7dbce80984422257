package org.hotline.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ingest.template.Records.accepted;
import static org.hotline.ingest.template.Records.csvRow;
import static org.hotline.ingest.template.Records.jsonLine;
import static org.hotline.ingest.template.Records.rejected;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.hotline.models.records.Caller;
import org.hotline.models.records.Channel;
import org.hotline.models.records.GeoPoint;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.Reply;
import org.hotline.models.records.HotlineRecordJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntakeValidatorTest {
    private static final String TIME = "\"receivedAt\":\"2019-04-25T09:32:09+08:00\"";

    private final IntakeValidator validator = IntakeValidator.forTemplate();

    @Test
    void acceptsAFullTemplateRecordAndMasksItsPersonalData() {
        HotlineRecord record = accepted(validator.validate(jsonLine("{\"id\":\"42\"," + TIME
                + ",\"title\":\"请回电13812345678\",\"content\":\" 身份证43010219900307123X，邮箱a.b@example.com \","
                + "\"channel\":\"wechat\",\"district\":\"A3区\",\"street\":\"桂花坪街道\",\"address\":\"12栋3单元，电话0731-8888888\","
                + "\"location\":{\"lat\":28.2,\"lon\":112.9},\"caller\":{\"phone\":\"13912345678\",\"name\":\"张三丰\"},"
                + "\"enterprise\":true,\"labels\":[\"城乡建设\",\"物业管理\"]}")));

        assertThat(record).isEqualTo(new HotlineRecord("42", OffsetDateTime.parse("2019-04-25T09:32:09+08:00"),
                "请回电138****5678", "身份证430************23X，邮箱a***@example.com", Channel.WECHAT, "A3区", "桂花坪街道",
                "12栋3单元，电话0731-***8888", new GeoPoint(28.2, 112.9), new Caller("139****5678", "张**"), true,
                List.of("城乡建设", "物业管理")));
    }

    @Test
    void acceptsTheMinimalRecord() {
        HotlineRecord record = accepted(validator.validate(jsonLine("{\"id\":\"1\"," + TIME + ",\"content\":\"路灯坏了\"}")));

        assertThat(record.content()).isEqualTo("路灯坏了");
        assertThat(record.title()).isNull();
        assertThat(record.caller()).isNull();
        assertThat(record.labels()).isEmpty();
    }

    @Test
    void readsTheReplyAndMasksItLikeTheContent() {
        HotlineRecord record = accepted(validator.validate(jsonLine("{\"id\":\"1\"," + TIME + ",\"content\":\"路灯坏了\","
                + "\"reply\":{\"text\":\" 已修复，如有问题请联系13812345678。 \",\"repliedAt\":\"2019-04-27T10:00:00+08:00\","
                + "\"department\":\"市城管局\"}}")));

        assertThat(record.reply()).isEqualTo(new Reply("已修复，如有问题请联系138****5678。",
                OffsetDateTime.parse("2019-04-27T10:00:00+08:00"), "市城管局"));
        assertThat(accepted(validator.validate(jsonLine("{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"reply\":{}}")))
                .reply()).isNull();
    }

    @Test
    void readsTheFlatReplyOfExportsLikeTheTeddyCupData() {
        HotlineRecord record = accepted(validator.validate(jsonLine("{\"id\":\"2549\"," + TIME
                + ",\"content\":\"物业管理有问题\",\"reply\":\"网友您好，已核实。\","
                + "\"repliedAt\":\"2019-05-10T14:56:53+08:00\"}")));

        assertThat(record.reply()).isEqualTo(new Reply("网友您好，已核实。",
                OffsetDateTime.parse("2019-05-10T14:56:53+08:00"), null));
        assertThat(rejected(validator.validate(jsonLine("{\"id\":\"1\"," + TIME
                + ",\"content\":\"x\",\"reply\":\"ok\",\"repliedAt\":\"soon\"}"))).reason())
                .isEqualTo(RejectReason.BAD_TIME);
    }

    @Test
    void readsAnIntegralIdAsItsDigits() {
        assertThat(accepted(validator.validate(jsonLine("{\"id\":188006," + TIME + ",\"content\":\"x\"}"))).id())
                .isEqualTo("188006");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json at all|not_json|",
        "[1,2,3]|not_json|",
        "{\"id\":\"1\",\"content\":\"x\"} trailing|not_json|",
        "{\"id\":\"1\",\"id\":\"2\"," + TIME + ",\"content\":\"x\"}|not_json|",
        "{" + TIME + ",\"content\":\"x\"}|missing_field|id",
        "{\"id\":\"  \"," + TIME + ",\"content\":\"x\"}|missing_field|id",
        "{\"id\":1.5," + TIME + ",\"content\":\"x\"}|wrong_type|id",
        "{\"id\":\"1\"," + TIME + "}|blank_content|content",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"\"}|blank_content|content",
        "{\"id\":\"1\"," + TIME + ",\"content\":\" \\n\\t \"}|blank_content|content",
        "{\"id\":\"1\"," + TIME + ",\"content\":null}|blank_content|content",
        "{\"id\":\"1\"," + TIME + ",\"content\":42}|wrong_type|content",
        "{\"id\":\"1\"," + TIME + ",\"content\":[\"x\"]}|wrong_type|content",
        "{\"id\":\"1\",\"content\":\"x\"}|missing_field|receivedAt",
        "{\"id\":\"1\",\"receivedAt\":\"yesterday\",\"content\":\"x\"}|bad_time|receivedAt",
        "{\"id\":\"1\",\"receivedAt\":\"2019-04-25 09:32:09\",\"content\":\"x\"}|bad_time|receivedAt",
        "{\"id\":\"1\",\"receivedAt\":\"2019-02-30T09:32:09+08:00\",\"content\":\"x\"}|bad_time|receivedAt",
        "{\"id\":\"1\",\"receivedAt\":1556155929,\"content\":\"x\"}|wrong_type|receivedAt",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"title\":7}|wrong_type|title",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"channel\":\"fax\"}|unknown_channel|channel",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"location\":{\"lat\":91,\"lon\":0}}|bad_location|location",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"location\":{\"lat\":0,\"lon\":-180.5}}|bad_location|location",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"location\":{\"lat\":10}}|bad_location|location",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"location\":{\"lat\":\"10\",\"lon\":1}}|wrong_type|location.lat",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"location\":\"28.2,112.9\"}|wrong_type|location",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"caller\":{\"name\":5}}|wrong_type|caller.name",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"enterprise\":\"yes\"}|wrong_type|enterprise",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"labels\":\"城乡建设\"}|wrong_type|labels",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"labels\":[1]}|wrong_type|labels",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"reply\":7}|wrong_type|reply",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"reply\":{\"text\":3}}|wrong_type|reply.text",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"reply\":{\"department\":\"市城管局\"}}|missing_field|reply.text",
        "{\"id\":\"1\"," + TIME + ",\"content\":\"x\",\"reply\":{\"text\":\"已处理\",\"repliedAt\":\"soon\"}}|bad_time|reply.repliedAt",
    })
    void refusesWithAReasonAndTheField(String json, String reason, String field) {
        DeadLetter deadLetter = rejected(validator.validate(jsonLine(json)));

        assertThat(deadLetter.reason().code()).isEqualTo(reason);
        assertThat(deadLetter.field()).isEqualTo(field);
        assertThat(deadLetter.message()).isNotBlank();
        assertThat(deadLetter.source()).isEqualTo("test.jsonl");
        assertThat(deadLetter.lineNumber()).isEqualTo(7);
        assertThat(deadLetter.payload()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deadLetterCarriesTheIdWhenItCouldBeRead() {
        assertThat(rejected(validator.validate(jsonLine("{\"id\":\"9\",\"content\":\"\"}"))).recordId()).isEqualTo("9");
        assertThat(rejected(validator.validate(jsonLine("{\"content\":\"\"}"))).recordId()).isNull();
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = ("{\"id\":\"1\"," + TIME + ",\"content\":\"ab\"}").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xC3; // a lead byte followed by an ASCII byte

        DeadLetter deadLetter = rejected(validator.validate(RawRecord.json("x", 1, bytes)));

        assertThat(deadLetter.reason()).isEqualTo(RejectReason.INVALID_UTF8);
        assertThat(deadLetter.payload()).isEqualTo(bytes);
    }

    @Test
    void refusesARecordOverTheByteLimit() {
        IntakeValidator small = new IntakeValidator(MappingProfile.template(), IntakeValidator.DEFAULT_ZONE,
                new IntakeLimits(1000, 100));
        String json = "{\"id\":\"1\"," + TIME + ",\"content\":\"" + "x".repeat(100) + "\"}";

        DeadLetter deadLetter = rejected(small.validate(jsonLine(json)));

        assertThat(deadLetter.reason()).isEqualTo(RejectReason.OVERSIZE);
        assertThat(deadLetter.field()).isNull();
    }

    @Test
    void refusesARecordTheReaderCut() {
        RawRecord cut = new RawRecord("big.jsonl", 3, "{\"id\"".getBytes(StandardCharsets.UTF_8), 2_000_000, null);

        assertThat(rejected(validator.validate(cut)).reason()).isEqualTo(RejectReason.OVERSIZE);
    }

    @Test
    void refusesAFieldOverTheCharLimit() {
        IntakeValidator small = new IntakeValidator(MappingProfile.template(), IntakeValidator.DEFAULT_ZONE,
                new IntakeLimits(10, 64 * 1024));

        DeadLetter deadLetter = rejected(small.validate(
                jsonLine("{\"id\":\"1\"," + TIME + ",\"content\":\"短\",\"title\":\"" + "长".repeat(11) + "\"}")));

        assertThat(deadLetter.reason()).isEqualTo(RejectReason.OVERSIZE);
        assertThat(deadLetter.field()).isEqualTo("title");
    }

    @Test
    void theDefaultLimitsAre20000CharsAnd64KiB() {
        String content = "字".repeat(20_001);

        DeadLetter deadLetter = rejected(validator.validate(jsonLine("{\"id\":\"1\"," + TIME + ",\"content\":\""
                + content.substring(0, 20_001) + "\"}")));

        assertThat(deadLetter.reason()).isEqualTo(RejectReason.OVERSIZE);
        assertThat(IntakeLimits.defaults()).isEqualTo(new IntakeLimits(20_000, 65_536));
    }

    @Test
    void acceptsAUtf8ByteOrderMark() {
        assertThat(accepted(validator.validate(jsonLine("\uFEFF{\"id\":\"1\"," + TIME + ",\"content\":\"x\"}"))).id())
                .isEqualTo("1");
    }

    @Test
    void keepsTheOffsetOfTheSource() {
        HotlineRecord record = accepted(validator.validate(
                jsonLine("{\"id\":\"1\",\"receivedAt\":\"2019-04-25T01:32:09Z\",\"content\":\"x\"}")));

        assertThat(record.receivedAt()).isEqualTo(OffsetDateTime.parse("2019-04-25T01:32:09Z"));
    }

    @Test
    void readsCsvCellsAsTextAndCoercesScalars() {
        HotlineRecord record = accepted(validator.validate(csvRow(
                "7,2019-04-25T09:32:09+08:00,\"路面,塌陷\",28.1,112.5,是,城乡建设/市政设施,WEB,",
                "id", "receivedAt", "content", "location.lat", "location.lon", "enterprise", "labels", "channel",
                "title")));

        assertThat(record.content()).isEqualTo("路面,塌陷");
        assertThat(record.location()).isEqualTo(new GeoPoint(28.1, 112.5));
        assertThat(record.enterprise()).isTrue();
        assertThat(record.labels()).containsExactly("城乡建设", "市政设施");
        assertThat(record.channel()).isEqualTo(Channel.WEB);
        assertThat(record.title()).isNull();
    }

    @Test
    void refusesACsvRowWithMoreCellsThanColumns() {
        DeadLetter deadLetter = rejected(validator.validate(csvRow("1,2,3", "id", "content")));

        assertThat(deadLetter.reason()).isEqualTo(RejectReason.NOT_JSON);
        assertThat(deadLetter.message()).contains("3 cells for 2 columns");
    }

    @Test
    void refusesAnUnreadableNumberInCsv() {
        DeadLetter deadLetter = rejected(validator.validate(csvRow(
                "7,2019-04-25T09:32:09+08:00,x,north,112.5", "id", "receivedAt", "content", "location.lat",
                "location.lon")));

        assertThat(deadLetter.reason()).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(deadLetter.field()).isEqualTo("location.lat");
    }

    @Test
    void profileTimesWithoutOffsetAreReadInTheZone() {
        IntakeValidator teddy = new IntakeValidator(MappingProfiles.builtIn("teddy-cn"), ZoneId.of("Asia/Shanghai"),
                IntakeLimits.defaults());
        IntakeValidator utc = new IntakeValidator(MappingProfiles.builtIn("teddy-cn"), ZoneId.of("UTC"),
                IntakeLimits.defaults());
        String[] header = {"留言编号", "留言时间", "留言详情"};

        assertThat(accepted(teddy.validate(csvRow("1,2019/4/25 9:32:09,x", header))).receivedAt())
                .isEqualTo(OffsetDateTime.parse("2019-04-25T09:32:09+08:00"));
        assertThat(accepted(teddy.validate(csvRow("1,2019-04-25 09:32:09,x", header))).receivedAt())
                .isEqualTo(OffsetDateTime.parse("2019-04-25T09:32:09+08:00"));
        assertThat(accepted(teddy.validate(csvRow("1,2019/4/25,x", header))).receivedAt())
                .isEqualTo(OffsetDateTime.parse("2019-04-25T00:00+08:00"));
        assertThat(accepted(utc.validate(csvRow("1,2019/4/25 9:32:09,x", header))).receivedAt())
                .isEqualTo(OffsetDateTime.parse("2019-04-25T09:32:09Z"));
        assertThat(rejected(teddy.validate(csvRow("1,2019/2/30 9:32:09,x", header))).reason())
                .isEqualTo(RejectReason.BAD_TIME);
    }

    @Test
    void zoneForPrefersTheExplicitZoneThenTheProfile() {
        MappingProfile teddy = MappingProfiles.builtIn("teddy-cn");

        assertThat(IntakeValidator.zoneFor(teddy, ZoneId.of("UTC"))).isEqualTo(ZoneId.of("UTC"));
        assertThat(IntakeValidator.zoneFor(teddy, null)).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(IntakeValidator.zoneFor(MappingProfile.template(), null)).isEqualTo(IntakeValidator.DEFAULT_ZONE);
    }

    @Test
    void validatingAnAcceptedRecordAgainGivesTheSameBytes() {
        HotlineRecord first = accepted(validator.validate(jsonLine("{\"id\":\"42\"," + TIME
                + ",\"title\":\"13812345678\",\"content\":\"43010219900307123X a@b.cn (0731)88888888\","
                + "\"caller\":{\"phone\":\"88888888\",\"name\":\"张三\"},\"labels\":[\"a\"]}")));
        String json = HotlineRecordJson.write(first);

        HotlineRecord second = accepted(validator.validate(jsonLine(json)));

        assertThat(HotlineRecordJson.write(second)).isEqualTo(json);
    }
}
