package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.elasticsearch.AlertBulkWriter;
import org.hotline.alerts.notify.NewAlertMailer;
import org.hotline.classify.elasticsearch.ElasticsearchClients;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;
import org.hotline.models.config.HotlineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * New alerts are e-mailed once, through a real SMTP server (GreenMail), when the real alert index first sees them;
 * the index then records who was told, and a replay of the same alerts sends nothing.
 */
@ExtendWith(EnginesExtension.class)
class AlertMailITCase {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    @SuppressWarnings("unchecked")
    void newAlertsAreMailedOnceToTheirDepartmentAndDistrictAndTheIndexKeepsWhoWasTold(EmbeddedElasticsearch es,
                                                                                  @TempDir Path dir) throws Exception {
        Path directory = Files.writeString(dir.resolve("mailboxes.csv"), String.join("\n",
                "kind,name,email",
                "department,市住房和城乡建设局,zjj@example.gov.cn",
                "district,澜江区,lanjiang@example.gov.cn",
                "fallback,,duty@example.gov.cn"));
        HotlineConfig config = HotlineConfig.defaults().with(Map.of(
                "mail.smtp.host", SMTP.getSmtp().getBindTo(),
                "mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()),
                "mail.from", "hotline-alerts@example.gov.cn",
                "mail.startTls", "false",
                "mail.directory", directory.toString()));
        ElasticsearchConfig index = ElasticsearchConfig.forUrl(es.httpUrl()).withIndex("mailed-" + UUID.randomUUID());
        LocalDate day = LocalDate.parse("2026-03-01");
        Alert heating = Alert.of(AlertKind.SEASONAL, "城乡建设/物业管理", List.of("澜江区"), day, day, 40, 12, 5.1,
                Double.NaN, new Evidence(List.of("暖气不热"), List.of("r-1"), "40 demands, 12 expected"));
        Alert common = Alert.of(AlertKind.COMMON, "城乡建设/物业管理", List.of("澜江区", "云台区"), day, day, 70, 25,
                3.0, Double.NaN, Evidence.NONE);

        NewAlertMailer mailer = NewAlertMailer.forConfig(config).orElseThrow();
        try (AlertBulkWriter writer = AlertBulkWriter.open(index, mailer.open())) {
            writer.write(List.of(heating, common));
            writer.write(List.of(heating, common)); // a replay: seen again, never mailed again
        }

        // One digest per recipient: the department and 澜江区 get both alerts, the duty mailbox covers 云台区.
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).extracting(AlertMailITCase::recipient)
                .containsExactlyInAnyOrder("zjj@example.gov.cn", "lanjiang@example.gov.cn", "duty@example.gov.cn");
        assertThat(Arrays.stream(received).filter(m -> recipient(m).equals("lanjiang@example.gov.cn")).findFirst()
                .orElseThrow().getHeader("X-Hotline-Alert-Ids", null)).contains(heating.id(), common.id());

        try (ElasticsearchClient client = ElasticsearchClients.connect(index)) {
            client.indices().refresh(r -> r.index(index.index()));
            Map<?, ?> stored = client.get(g -> g.index(index.index()).id(heating.id()), Map.class).source();
            assertThat(stored).isNotNull();
            assertThat((List<Object>) stored.get("mailedTo"))
                    .containsExactlyInAnyOrder("zjj@example.gov.cn", "lanjiang@example.gov.cn");
            assertThat(stored.get("mailedAt")).isNotNull();
            assertThat(stored.get("status")).isEqualTo("open");
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
