package org.hotline.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.ingest.template.Records.accepted;
import static org.hotline.ingest.template.Records.csvRow;
import static org.hotline.ingest.template.Records.jsonLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.hotline.models.records.Caller;
import org.hotline.models.records.Channel;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingProfilesTest {

    @Test
    void everyBuiltInProfileLoads() {
        for (String name : MappingProfiles.BUILT_IN) {
            assertThat(MappingProfiles.builtIn(name).name()).isEqualTo(name);
        }
    }

    @Test
    void theTemplateProfileReadsFieldsUnderTheirOwnNames() {
        assertThat(MappingProfiles.builtIn("template").sourcesOf("content")).containsExactly("content");
    }

    @Test
    void teddyCnMapsChineseHeaders() {
        IntakeValidator validator = validator("teddy-cn");

        HotlineRecord record = accepted(validator.validate(csvRow(
                "188006,A00012345,小区停车难,2019/4/25 9:32:09,\"物业乱收费，电话13812345678\",城乡建设,物业管理,",
                "留言编号", "留言用户", "留言主题", "留言时间", "留言详情", "一级分类", "二级分类", "三级分类")));

        assertThat(record.id()).isEqualTo("188006");
        assertThat(record.title()).isEqualTo("小区停车难");
        assertThat(record.receivedAt()).isEqualTo(OffsetDateTime.parse("2019-04-25T09:32:09+08:00"));
        assertThat(record.content()).isEqualTo("物业乱收费，电话138****5678");
        assertThat(record.caller()).isEqualTo(new Caller(null, "A********"));
        assertThat(record.labels()).containsExactly("城乡建设", "物业管理");
    }

    @Test
    void teddyCnMapsChannelWordsAndJsonKeysToo() {
        HotlineRecord record = accepted(validator("teddy-cn").validate(jsonLine(
                "{\"留言编号\":\"5\",\"留言时间\":\"2019-04-25 09:32:09\",\"留言详情\":\"x\",\"来源渠道\":\"微信\","
                        + "\"民企诉求\":true}")));

        assertThat(record.channel()).isEqualTo(Channel.WECHAT);
        assertThat(record.enterprise()).isTrue();
    }

    @Test
    void teddyCnReadsTheOfficialReply() {
        HotlineRecord record = accepted(validator("teddy-cn").validate(csvRow(
                "188006,小区停车难,2019/4/25 9:32:09,物业乱收费,\"网友您好，已责成物业整改。电话0731-8888888\",2019/5/10 14:31:26",
                "留言编号", "留言主题", "留言时间", "留言详情", "答复意见", "答复时间")));

        assertThat(record.reply()).isEqualTo(new Reply("网友您好，已责成物业整改。电话0731-***8888",
                OffsetDateTime.parse("2019-05-10T14:31:26+08:00"), null));
    }

    @Test
    void csvEnMapsCommonEnglishHeaders() {
        HotlineRecord record = accepted(validator("csv-en").validate(csvRow(
                "T-1,2019-04-25 09:32:09,Noise,Loud music at night,online,40.7,-73.9,Noise/Residential",
                "ticket_id", "created_at", "subject", "description", "source", "latitude", "longitude", "category")));

        assertThat(record.id()).isEqualTo("T-1");
        assertThat(record.channel()).isEqualTo(Channel.WEB);
        assertThat(record.location().lat()).isEqualTo(40.7);
        assertThat(record.labels()).containsExactly("Noise", "Residential");
    }

    @Test
    void csvEnReadsAnAnswerLikeNyc311sResolution() {
        HotlineRecord record = accepted(validator("csv-en").validate(csvRow(
                "T-2,2019-04-25 09:32:09,Loud music at night,The Police Department responded.,"
                        + "2019-04-25 11:02:00,NYPD",
                "ticket_id", "created_at", "description", "resolution_description", "closed_date", "agency")));

        assertThat(record.reply()).isEqualTo(new Reply("The Police Department responded.",
                OffsetDateTime.parse("2019-04-25T11:02:00+08:00"), "NYPD"));
    }

    @Test
    void loadsACustomProfileFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"name\":\"mine\",\"fields\":{\"id\":[\"编号\"],\"content\":[\"诉求内容\"],"
                + "\"receivedAt\":[\"受理时间\"]},\"timeFormats\":[\"uuuu年M月d日 H时m分\"],\"zone\":\"+08:00\"}",
                StandardCharsets.UTF_8);
        MappingProfile profile = MappingProfiles.fromFile(file);
        IntakeValidator validator = new IntakeValidator(profile, IntakeValidator.zoneFor(profile, null),
                IntakeLimits.defaults());

        HotlineRecord record = accepted(validator.validate(csvRow("9,2020年1月6日 12时9分,路灯不亮", "编号", "受理时间", "诉求内容")));

        assertThat(record.receivedAt()).isEqualTo(OffsetDateTime.parse("2020-01-06T12:09+08:00"));
    }

    @Test
    void refusesAProfileThatMapsAnUnknownField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"name\":\"bad\",\"fields\":{\"body\":[\"x\"]}}");

        assertThatThrownBy(() -> MappingProfiles.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown template field 'body'");
    }

    @Test
    void refusesABadTimeFormat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"name\":\"bad\",\"timeFormats\":[\"yyyy-MM-dd {\"]}");

        assertThatThrownBy(() -> MappingProfiles.fromFile(file)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnknownBuiltInName() {
        assertThatThrownBy(() -> MappingProfiles.builtIn("nope")).hasMessageContaining("teddy-cn");
    }

    private static IntakeValidator validator(String profileName) {
        MappingProfile profile = MappingProfiles.builtIn(profileName);
        return new IntakeValidator(profile, IntakeValidator.zoneFor(profile, null), IntakeLimits.defaults());
    }
}
