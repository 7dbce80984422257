package org.hotline.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hotline.alerts.backtest.CommandLines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifyTestCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--to ops@example.org | e-mail is off: mail.smtp.host is blank",
        "--to ops | --to must be an e-mail address, not 'ops'",
        "--to ops@example.org --set mail.smtp.hots=x | unknown configuration key 'mail.smtp.hots'",
        "--to ops@example.org --set mail.smtp.host=smtp.example.org --set mail.smtp.port=smtp"
                + " | mail.smtp.port must be a whole number, not 'smtp'",
        "--to ops@example.org --set mail.smtp.host=smtp.example.org | mail.from must be an e-mail address",
        "--to ops@example.org --set mail.smtp.host=smtp.example.org --set mail.from=a@example.org"
                + " --set mail.startTls=yes | mail.startTls must be true or false, not 'yes'",
        "--to ops@example.org --set mail.smtp.host=smtp.example.org --set mail.from=a@example.org"
                + " --set mail.directory=/nonexistent/mailboxes.csv | mail directory /nonexistent/mailboxes.csv does not exist",
        "--set mail.smtp.host=smtp.example.org | Missing required option: '--to=ADDRESS'"
    })
    void badSettingsAreOneLineWithExitCodeTwo(String args, String message) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        NotifyTestCommand command = new NotifyTestCommand(new PrintStream(new ByteArrayOutputStream()), errStream,
                Map.of());

        int exit = CommandLines.create(command).setErr(new PrintWriter(errStream, true))
                .execute(args.trim().split("\\s+"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message).hasLineCount(1);
    }
}
