package org.hotline.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotifyTestCommandITCase {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void sendsOneMarkedSampleAndShowsWhereARealAlertWouldGo(@TempDir Path dir) throws Exception {
        Path directory = dir.resolve("mailboxes.csv");
        Files.writeString(directory, "department,市住房和城乡建设局,zjj@example.gov.cn\n"
                + "fallback,值班室,duty@example.gov.cn\n", StandardCharsets.UTF_8);
        Path config = dir.resolve("mail.properties");
        Files.writeString(config, "mail.smtp.host=" + SMTP.getSmtp().getBindTo() + "\nmail.smtp.port="
                + SMTP.getSmtp().getPort() + "\nmail.startTls=false\nmail.from=hotline@example.gov.cn\n"
                + "mail.directory=" + directory + "\n", StandardCharsets.UTF_8);

        int exit = run("--to", "ops@example.org", "--config", config.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "1 departments, 0 districts, fallback duty@example.gov.cn",
                "would go to zjj@example.gov.cn (「城乡建设/城市建设和市政管理/冬季采暖」的责任部门：市住房和城乡建设局)",
                "would go to duty@example.gov.cn (值班兜底（辖区「江滨区」未配置邮箱）)",
                "sent to ops@example.org (Message-ID <");
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ops@example.org");
        assertThat(received[0].getSubject()).startsWith("[测试][12345预警][季节性] 城乡建设/城市建设和市政管理/冬季采暖 · 江滨区");
    }

    @Test
    void aServerThatDoesNotAnswerIsOneLineAndExitCodeOne() throws Exception {
        int port = SMTP.getSmtp().getPort();
        SMTP.stop();

        int exit = run("--to", "ops@example.org", "--set", "mail.smtp.host=127.0.0.1", "--set",
                "mail.smtp.port=" + port, "--set", "mail.from=hotline@example.gov.cn", "--set", "mail.startTls=false",
                "--set", "mail.timeoutMillis=2000");

        assertThat(exit).isEqualTo(1);
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(error).startsWith("notify-test: not sent to ops@example.org after 3 attempt(s): cannot connect to "
                + "127.0.0.1:" + port).hasLineCount(1);
    }

    private int run(String... args) {
        return new CommandLine(new NotifyTestCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())).execute(args);
    }
}
