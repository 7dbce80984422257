package org.hotline.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.alerts.notify.NotifyFixtures.DAY;
import static org.hotline.alerts.notify.NotifyFixtures.seasonal;

import java.util.Arrays;
import java.util.List;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.emerging.EmergingPhraseDetector;
import org.junit.jupiter.api.Test;

class AlertEmailTest {

    private static final Recipient DEPARTMENT = new Recipient("zjj@example.gov.cn",
            "「城乡建设/物业管理」的责任部门：市住房和城乡建设局");

    @Test
    void theSubjectNamesKindNodeDistrictsAndWindow() {
        AlertEmail email = AlertEmail.of(seasonal("城乡建设/物业管理", "澜江区"), DEPARTMENT);

        assertThat(email.subject()).isEqualTo("[12345预警][季节性] 城乡建设/物业管理 · 澜江区 · 2026-11-27");
        assertThat(email.to()).isEqualTo("zjj@example.gov.cn");
    }

    @Test
    void theBodyCarriesEveryNumberTheEvidenceTheIdAndWhyThisRecipientGotIt() {
        Alert alert = Alert.of(AlertKind.CLUSTERED, "城乡建设/物业管理", List.of("澜江区", "东岭区"), DAY.minusDays(2),
                DAY, 42, 18.25, 9.87, 0.0021, new Evidence(List.of("物业费", "电梯停运"),
                        List.of("R-1001", "R-1002"), "12 events <merged> vs 3.1 expected"));

        AlertEmail email = AlertEmail.of(alert, DEPARTMENT);

        assertThat(email.text()).contains(
                "12345热线预警：聚集性",
                "预警类型：聚集性（CLUSTERED）",
                "分类：城乡建设/物业管理",
                "涉及辖区：东岭区、澜江区",
                "时间窗：2026-11-25 至 2026-11-27（共 3 天）",
                "实际 / 预期：42 / 18.3（2.3 倍）",
                "统计量：对数似然比 9.87；p 值 0.0021",
                "高频短语：物业费、电梯停运",
                "示例工单：R-1001, R-1002",
                "说明：12 events <merged> vs 3.1 expected",
                "预警编号：" + alert.id(),
                "收件原因：「城乡建设/物业管理」的责任部门：市住房和城乡建设局",
                "Message-ID");
        assertThat(email.html()).contains("<th align=\"left\">实际 / 预期</th><td>42 / 18.3（2.3 倍）</td>",
                "12 events &lt;merged&gt; vs 3.1 expected", alert.id(), "市住房和城乡建设局")
                .doesNotContain("<merged>");
        assertThat(email.alertIds()).containsExactly(alert.id());
    }

    @Test
    void missingNumbersAndPhraseAlertsReadNaturally() {
        Alert periodic = Alert.of(AlertKind.PERIODIC, "城乡建设/供热", List.of(), DAY, DAY.plusDays(9), Double.NaN,
                Double.NaN, 10, Double.NaN, Evidence.note("onsets 2023-11-30, 2024-12-02"));
        AlertEmail email = AlertEmail.of(periodic, DEPARTMENT);
        assertThat(email.subject()).isEqualTo("[12345预警][周期性] 城乡建设/供热 · 全市 · 2026-11-27～2026-12-06");
        assertThat(email.text()).contains("实际 / 预期：— / —\n", "统计量：距预计上升天数 10.00；p 值 无",
                "高频短语：—", "涉及辖区：全市（未指明辖区）");

        Alert phrase = Alert.of(AlertKind.EMERGING, EmergingPhraseDetector.PHRASE_PREFIX + "共享单车乱停",
                List.of("A区", "B区", "C区", "D区"), DAY, DAY, 17, 2.5, 3.1, Double.NaN, Evidence.NONE);
        assertThat(AlertEmail.of(phrase, DEPARTMENT).subject())
                .isEqualTo("[12345预警][苗头性] 新词「共享单车乱停」 · A区、B区、C区等4个辖区 · 2026-11-27");
        assertThat(AlertEmail.of(phrase, DEPARTMENT).text()).contains("统计量：突发权重 3.10");

        Alert growth = Alert.of(AlertKind.EMERGING, "城乡建设/物业管理", List.of("澜江区"), DAY.minusDays(20), DAY, 14,
                1, 14, 2.1e-6, Evidence.note("a small node growing faster each week"));
        assertThat(AlertEmail.of(growth, DEPARTMENT).text()).contains("分类：城乡建设/物业管理",
                "实际 / 预期：14 / 1（14.0 倍）", "统计量：增长倍数 14.00");
    }

    @Test
    void everyKindHasItsOwnChineseName() {
        assertThat(Arrays.stream(AlertKind.values()).map(AlertEmail::label))
                .containsExactly("高频", "共性", "周期性", "季节性", "苗头性", "聚集性", "预测");
    }

    @Test
    void theKeyDependsOnAlertAndRecipientOnly() {
        Alert alert = seasonal("城乡建设/物业管理", "澜江区");
        AlertEmail email = AlertEmail.of(alert, DEPARTMENT);
        AlertEmail again = AlertEmail.of(alert, new Recipient("ZJJ@example.gov.cn", "another reason"));
        AlertEmail other = AlertEmail.of(alert, new Recipient("duty@example.gov.cn", "值班兜底"));

        assertThat(email.key()).isEqualTo(again.key()).startsWith(alert.id() + ".").isNotEqualTo(other.key());
        assertThat(email.messageId("example.gov.cn")).isEqualTo("<" + email.key() + "@example.gov.cn>");
    }

    @Test
    void perAlertSendsEachAlertOnceToEachRecipient() {
        Alert property = seasonal("城乡建设/物业管理", "澜江区");
        Alert heating = seasonal("城乡建设/供热", "澜江区");

        List<AlertEmail> emails = AlertEmail.perAlert(List.of(property, heating, property), NotifyFixtures.routing());

        assertThat(emails).extracting(AlertEmail::to).containsExactly("zjj@example.gov.cn",
                "lanjiang@example.gov.cn", "heat@example.gov.cn", "heat-night@example.gov.cn",
                "lanjiang@example.gov.cn");
        assertThat(emails).extracting(AlertEmail::key).doesNotHaveDuplicates();
    }

    @Test
    void aDigestListsAllAlertsOfARecipientInOneEmail() {
        Alert property = seasonal("城乡建设/物业管理", "澜江区");
        Alert heating = Alert.of(AlertKind.COMMON, "城乡建设/供热", List.of("澜江区", "东岭区"), DAY.minusDays(6), DAY,
                120, 60, 2, Double.NaN, Evidence.NONE);

        List<AlertEmail> digests = AlertEmail.digests(List.of(property, heating), NotifyFixtures.routing());

        assertThat(digests).extracting(AlertEmail::to).containsExactly("zjj@example.gov.cn",
                "lanjiang@example.gov.cn", "heat@example.gov.cn", "heat-night@example.gov.cn",
                "dongling@example.gov.cn");
        AlertEmail district = digests.get(1);
        assertThat(district.alertIds()).containsExactlyInAnyOrder(property.id(), heating.id());
        assertThat(district.subject()).isEqualTo("[12345预警][汇总] 2条：共性×1、季节性×1 · 2026-11-21～2026-11-27");
        assertThat(district.text()).contains("共 2 条",
                "第 1 条：[季节性] 城乡建设/物业管理 · 澜江区 · 2026-11-27",
                "第 2 条：[共性] 城乡建设/供热 · 东岭区、澜江区 · 2026-11-21～2026-11-27",
                "预警编号：" + property.id(), "预警编号：" + heating.id(), "收件原因：涉及辖区：澜江区");
        assertThat(district.key()).startsWith("digest.");
        // A mailbox with a single alert gets exactly the e-mail a per-alert send would have given it.
        assertThat(digests.get(0)).isEqualTo(AlertEmail.perAlert(List.of(property), NotifyFixtures.routing()).get(0));
    }
}
