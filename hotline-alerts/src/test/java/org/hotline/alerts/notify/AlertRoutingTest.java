package org.hotline.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.alerts.notify.NotifyFixtures.DAY;
import static org.hotline.alerts.notify.NotifyFixtures.seasonal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.emerging.EmergingPhraseDetector;
import org.hotline.models.config.HotlineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRoutingTest {

    private final AlertRouting routing = NotifyFixtures.routing();

    @Test
    void aLevelThreeNodeGoesToTheDepartmentOfItsNearestAncestorAndToEachDistrict() {
        List<Recipient> recipients = routing.recipients(seasonal("城乡建设/物业管理/物业服务", "澜江区", "东岭区"));

        assertThat(recipients).containsExactly(
                new Recipient("zjj@example.gov.cn", "「城乡建设/物业管理/物业服务」的责任部门：市住房和城乡建设局"),
                new Recipient("dongling@example.gov.cn", "涉及辖区：东岭区"),
                new Recipient("lanjiang@example.gov.cn", "涉及辖区：澜江区"));
    }

    @Test
    void theNearestDepartmentWinsAtEveryLevel() {
        assertThat(addresses(seasonal("城乡建设/供热/暖气不热"))).containsExactly("heat@example.gov.cn",
                "heat-night@example.gov.cn");
        assertThat(addresses(seasonal("城乡建设/供热"))).containsExactly("heat@example.gov.cn",
                "heat-night@example.gov.cn");
        assertThat(addresses(seasonal("城乡建设"))).containsExactly("zjj@example.gov.cn");
        // A node the taxonomy does not know below a known parent still reaches the parent's department.
        assertThat(addresses(seasonal("城乡建设/供热/新设的节点"))).containsExactly("heat@example.gov.cn",
                "heat-night@example.gov.cn");
    }

    @Test
    void aDistrictWithoutMailboxGoesToTheFallbackWithTheReason() {
        List<Recipient> recipients = routing.recipients(seasonal("城乡建设/供热", "澜江区", "云台区"));

        assertThat(recipients).extracting(Recipient::address).containsExactly("heat@example.gov.cn",
                "heat-night@example.gov.cn", "lanjiang@example.gov.cn", "duty@example.gov.cn");
        assertThat(recipients.get(3).reason()).isEqualTo("值班兜底（辖区「云台区」未配置邮箱）");
    }

    @Test
    void whatHasNoDepartmentGoesToTheFallback() {
        assertThat(routing.recipients(seasonal("其他", "澜江区"))).containsExactly(
                new Recipient("lanjiang@example.gov.cn", "涉及辖区：澜江区"),
                new Recipient("duty@example.gov.cn", "值班兜底（分类「其他」及其上级分类都没有责任部门）"));
        assertThat(routing.recipients(seasonal("交通运输/出租车"))).containsExactly(
                new Recipient("duty@example.gov.cn", "值班兜底（分类「交通运输/出租车」不在分类体系 test-1 中）"));
        assertThat(routing.recipients(seasonal("教育"))).containsExactly(
                new Recipient("duty@example.gov.cn", "值班兜底（责任部门「市教育局」未配置邮箱）"));
    }

    @Test
    void anEmergingPhraseHasNoNodeSoItGoesToTheDistrictsAndTheFallback() {
        Alert phrase = Alert.of(AlertKind.EMERGING, EmergingPhraseDetector.PHRASE_PREFIX + "共享单车乱停",
                List.of("东岭区"), DAY.minusDays(6), DAY, 17, 2.5, 3.1, Double.NaN, Evidence.NONE);

        assertThat(routing.recipients(phrase)).containsExactly(
                new Recipient("dongling@example.gov.cn", "涉及辖区：东岭区"),
                new Recipient("duty@example.gov.cn", "值班兜底（新词预警没有对应的分类和责任部门）"));
    }

    @Test
    void oneMailboxWithSeveralReasonsIsListedOnceWithAllOfThem() {
        AlertRouting shared = new AlertRouting(NotifyFixtures.taxonomy(), MailDirectory.parse(List.of(
                "department,市供热办,office@example.gov.cn",
                "district,澜江区,Office@Example.gov.cn",
                "district,云台区,yuntai@example.gov.cn",
                "fallback,,duty@example.gov.cn"), "shared.csv"));

        assertThat(shared.recipients(seasonal("城乡建设/供热", "澜江区", "云台区"))).containsExactly(
                new Recipient("office@example.gov.cn", "「城乡建设/供热」的责任部门：市供热办；涉及辖区：澜江区"),
                new Recipient("yuntai@example.gov.cn", "涉及辖区：云台区"));
    }

    @Test
    void fromConfigurationUsesTheShippedTaxonomyWhoseDepartmentsAreInherited(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mailboxes.csv");
        Files.write(file, NotifyFixtures.DIRECTORY, StandardCharsets.UTF_8);
        AlertRouting fromConfig = AlertRouting.forConfig(HotlineConfig.defaults().with("mail.directory",
                file.toString()));

        assertThat(addresses(fromConfig, seasonal("城乡建设/住房保障与房地产/物业服务", "澜江区")))
                .containsExactly("zjj@example.gov.cn", "lanjiang@example.gov.cn");
        assertThatThrownBy(() -> AlertRouting.forConfig(HotlineConfig.defaults()))
                .hasMessageContaining("mail.directory is blank");
    }

    private List<String> addresses(Alert alert) {
        return addresses(routing, alert);
    }

    private static List<String> addresses(AlertRouting routing, Alert alert) {
        return routing.recipients(alert).stream().map(Recipient::address).toList();
    }
}
