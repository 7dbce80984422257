package org.hotline.alerts.notify;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.backtest.CommandLines;
import org.hotline.models.config.ConfigOptions;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.taxonomy.TaxonomyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hotline notify-test}: one sample alert e-mail through the configured SMTP server, to check the settings. */
@Command(name = "notify-test", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Send a sample alert e-mail to check the mail settings end to end.",
        description = {
            "Sends one sample 季节性 alert e-mail, marked [测试], to --to through the SMTP server of the "
                    + "configuration (mail.smtp.host, mail.smtp.port, mail.from, mail.username, mail.password, "
                    + "mail.startTls, mail.timeoutMillis; see docs/configuration.md) and says whether the server "
                    + "took it. When mail.directory is set, it also checks that file and prints who a real alert "
                    + "like the sample would go to (nobody else is mailed).",
            "Settings: --config FILE, HOTLINE_* environment variables, then --set KEY=VALUE."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the server took the e-mail", "1:the server did not take it (reason printed)",
            "2:bad options or settings"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hotline notify-test --to ops@example.gov.cn --config prod.properties",
            "  hotline notify-test --to me@example.org --set mail.smtp.host=127.0.0.1 \\",
            "      --set mail.smtp.port=25 --set mail.startTls=false \\",
            "      --set mail.from=hotline@example.org"})
public final class NotifyTestCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "Where to send the sample e-mail.")
    String to;

    @Mixin
    ConfigOptions configOptions;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public NotifyTestCommand() {
        this(System.out, System.err, System.getenv());
    }

    NotifyTestCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(CommandLines.create(new NotifyTestCommand()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            if (!MailDirectory.isAddress(to)) {
                throw new IllegalArgumentException("--to must be an e-mail address, not '" + to + "'");
            }
            HotlineConfig config = configOptions.load(env);
            MailSettings settings = MailSettings.from(config).orElseThrow(() -> new IllegalArgumentException(
                    "e-mail is off: mail.smtp.host is blank (set it in --config FILE, HOTLINE_MAIL_SMTP_HOST "
                            + "or --set mail.smtp.host=HOST)"));
            Alert sample = sample(LocalDate.now());
            if (!config.get("mail.directory").isBlank()) {
                AlertRouting routing = AlertRouting.forConfig(config);
                out.println("mail directory " + config.get("mail.directory") + ": " + routing.directory().summary());
                for (Recipient recipient : routing.recipients(sample)) {
                    out.println("  a real alert like the sample would go to " + recipient.address() + " ("
                            + recipient.reason() + ")");
                }
            }
            AlertEmail email = AlertEmail.of(sample, new Recipient(to,
                    "测试邮件：由 hotline notify-test 发送，用于检查邮件设置，不是真实预警"));
            // Some mail services drop a message whose Message-ID they have seen: every test needs a fresh one.
            AlertEmail test = new AlertEmail(email.to(), email.alertIds(),
                    email.key() + ".test" + System.currentTimeMillis(), "[测试]" + email.subject(), email.text(),
                    email.html());
            out.println("sending a sample alert e-mail to " + to + " via " + settings);
            Delivery delivery = new SmtpNotifier(settings).deliver(List.of(test)).get(0);
            if (!delivery.sent()) {
                err.println("notify-test: not sent to " + to + " after " + delivery.attempts() + " attempt(s): "
                        + delivery.error());
                return 1;
            }
            out.println("sent to " + to + " (Message-ID " + delivery.messageId() + ")");
            return 0;
        } catch (IllegalArgumentException | TaxonomyException e) {
            err.println("notify-test: " + e.getMessage());
            return 2;
        }
    }

    static Alert sample(LocalDate day) {
        return Alert.of(AlertKind.SEASONAL, "城乡建设/城市建设和市政管理/冬季采暖", List.of("江滨区"), day, day, 42, 18.3,
                4.21, Double.NaN, new Evidence(List.of("暖气不热", "室温低"), List.of("SAMPLE-0001", "SAMPLE-0002"),
                        "示例预警：用于检查邮件设置"));
    }
}
