package org.hotline.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.alerts.notify.NotifyFixtures.seasonal;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.alerts.alert.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real SMTP server (GreenMail on a free loopback port), logging in as a real user would. */
class SmtpNotifierITCase {

    private static final String FROM = "hotline-alerts@example.gov.cn";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, "alerts", "s3cret"));

    private final AlertRouting routing = NotifyFixtures.routing();

    private static MailSettings settings(int port, String password) {
        return new MailSettings(SMTP.getSmtp().getBindTo(), port, FROM, "alerts", password, false,
                Duration.ofSeconds(5));
    }

    private static SmtpNotifier notifier(String password) {
        return new SmtpNotifier(settings(SMTP.getSmtp().getPort(), password), 3, Duration.ofMillis(20));
    }

    @Test
    void eachRecipientGetsOneMessageWithSubjectBodyAndAMessageIdThatASendAgainRepeats() throws Exception {
        Alert alert = seasonal("城乡建设/物业管理/物业服务", "澜江区", "云台区");

        List<Delivery> deliveries = notifier("s3cret").send(List.of(alert, alert), routing);

        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.sent()).as(d.error()).isTrue();
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.alertIds()).containsExactly(alert.id());
        });
        assertThat(deliveries).extracting(Delivery::to)
                .containsExactly("zjj@example.gov.cn", "lanjiang@example.gov.cn", "duty@example.gov.cn");
        assertThat(SMTP.waitForIncomingEmail(5_000, 3)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        for (MimeMessage message : received) {
            String to = recipient(message);
            Delivery delivery = deliveries.stream().filter(d -> d.to().equals(to)).findFirst().orElseThrow();
            assertThat(message.getSubject()).isEqualTo("[12345预警][季节性] 城乡建设/物业管理/物业服务 · 云台区、澜江区 · 2026-11-27");
            assertThat(message.getFrom()[0].toString()).isEqualTo(FROM);
            assertThat(message.getMessageID()).isEqualTo(delivery.messageId())
                    .isEqualTo(AlertEmail.of(alert, new Recipient(to, "")).messageId("example.gov.cn"));
            assertThat(message.getHeader("X-Hotline-Alert-Ids", null)).isEqualTo(alert.id());
            assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
            assertThat(part(message, 0)).contains("实际 / 预期：42 / 18.3", "高频短语：物业费、电梯停运",
                    "示例工单：R-1001, R-1002", "预警编号：" + alert.id(), "收件原因：");
            assertThat(part(message, 1)).startsWith("<html>").contains("预警编号");
        }
        assertThat(part(byRecipient(received, "duty@example.gov.cn"), 0))
                .contains("收件原因：值班兜底（辖区「云台区」未配置邮箱）");
        assertThat(part(byRecipient(received, "zjj@example.gov.cn"), 0))
                .contains("收件原因：「城乡建设/物业管理/物业服务」的责任部门：市住房和城乡建设局");

        List<Delivery> again = notifier("s3cret").send(List.of(alert), routing);

        assertThat(SMTP.waitForIncomingEmail(5_000, 6)).isTrue();
        assertThat(again).extracting(Delivery::messageId)
                .containsExactlyElementsOf(deliveries.stream().map(Delivery::messageId).toList());
        List<String> firstIds = deliveries.stream().map(Delivery::messageId).toList();
        // Each mailbox now holds the first e-mail and its resend, with the same Message-ID.
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(SmtpNotifierITCase::messageId))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(firstIds.stream(), firstIds.stream()).toList());
    }

    @Test
    void aDigestGivesEachRecipientOneMessageWithAllOfItsAlerts() throws Exception {
        Alert property = seasonal("城乡建设/物业管理", "澜江区");
        Alert heating = seasonal("城乡建设/供热", "澜江区");

        List<Delivery> deliveries = notifier("s3cret").sendDigest(List.of(property, heating), routing);

        assertThat(deliveries).extracting(Delivery::to).containsExactly("zjj@example.gov.cn",
                "lanjiang@example.gov.cn", "heat@example.gov.cn", "heat-night@example.gov.cn");
        assertThat(deliveries).allMatch(Delivery::sent);
        assertThat(SMTP.waitForIncomingEmail(5_000, 4)).isTrue();
        MimeMessage district = byRecipient(SMTP.getReceivedMessages(), "lanjiang@example.gov.cn");
        assertThat(district.getSubject()).startsWith("[12345预警][汇总] 2条：季节性×2");
        assertThat(district.getHeader("X-Hotline-Alert-Ids", null).split("\\s+"))
                .containsExactlyInAnyOrder(property.id(), heating.id());
        assertThat(part(district, 0)).contains("预警编号：" + property.id(), "预警编号：" + heating.id());
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
    }

    @Test
    void aRefusedLoginFailsAtOnceAndTheRestOfTheCallIsNotTried() {
        List<Delivery> deliveries = notifier("wrong").send(List.of(seasonal("城乡建设/供热", "澜江区")), routing);

        assertThat(deliveries).hasSize(3).noneMatch(Delivery::sent);
        assertThat(deliveries.get(0).attempts()).isEqualTo(1);
        assertThat(deliveries.get(0).error()).contains("cannot connect to", "535");
        assertThat(deliveries.subList(1, 3)).allSatisfy(d -> {
            assertThat(d.attempts()).isZero();
            assertThat(d.error()).startsWith("not tried: cannot connect to");
        });
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownGivesFailedOutcomesWithTheReasonAfterRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpNotifier down = new SmtpNotifier(settings(closedPort, "s3cret"), 3, Duration.ofMillis(20));

        List<Delivery> deliveries = down.send(List.of(seasonal("城乡建设/供热", "澜江区")), routing);

        assertThat(deliveries).hasSize(3).noneMatch(Delivery::sent);
        assertThat(deliveries.get(0).attempts()).isEqualTo(3);
        assertThat(deliveries.get(0).error()).contains("cannot connect to " + SMTP.getSmtp().getBindTo() + ":"
                + closedPort).doesNotContain("\n");
        assertThat(deliveries.get(0).messageId()).startsWith("<").endsWith("@example.gov.cn>");
        assertThat(deliveries.subList(1, 3)).allSatisfy(d -> assertThat(d.error()).startsWith("not tried:"));
    }

    private static String recipient(MimeMessage message) throws Exception {
        assertThat(message.getRecipients(Message.RecipientType.TO)).hasSize(1);
        return message.getRecipients(Message.RecipientType.TO)[0].toString();
    }

    private static MimeMessage byRecipient(MimeMessage[] messages, String address) throws Exception {
        for (MimeMessage message : messages) {
            if (recipient(message).equals(address)) {
                return message;
            }
        }
        throw new AssertionError("no message to " + address);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Part 0 is the plain text, part 1 the HTML, both decoded. */
    private static String part(MimeMessage message, int index) throws Exception {
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        return (String) alternative.getBodyPart(index).getContent();
    }
}
