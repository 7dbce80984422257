package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HotlineCliTest {

    private static CommandLine cli(StringWriter out, StringWriter err) {
        return new CommandLine(new HotlineCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }

    @Test
    void everyCommandExplainsItself() {
        CommandLine root = new CommandLine(new HotlineCli());
        assertThat(root.getSubcommands().keySet()).contains("demo", "ingest", "classify", "generate", "train",
                "predict", "evaluate", "backtest", "forecast", "notify-test", "services", "alerts", "serve", "users");
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            StringWriter out = new StringWriter();
            int exit = cli(out, new StringWriter()).execute(name, "--help");
            assertThat(exit).as(name + " --help").isZero();
            assertThat(out.toString()).as(name + " --help").contains("Usage: hotline " + name);
        }
    }

    @Test
    void alertSubcommandsExplainThemselves() {
        for (String sub : new String[] {"run", "list", "ack", "resolve", "reopen"}) {
            StringWriter out = new StringWriter();
            int exit = cli(out, new StringWriter()).execute("alerts", sub, "--help");
            assertThat(exit).as("alerts " + sub + " --help").isZero();
            assertThat(out.toString()).contains("Usage: hotline alerts " + sub).contains("--config", "--set");
        }
    }

    @Test
    void userSubcommandsExplainThemselves() {
        for (String sub : new String[] {"add", "remove", "list"}) {
            StringWriter out = new StringWriter();
            int exit = cli(out, new StringWriter()).execute("users", sub, "--help");
            assertThat(exit).as("users " + sub + " --help").isZero();
            assertThat(out.toString()).contains("Usage: hotline users " + sub, "--file=FILE", "Example");
        }
    }

    @Test
    void usersRefusesAnUnknownRoleWithUsageExitCode(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = HotlineCli.commandLine().setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err));

        int exit = cli.execute("users", "add", "--file", dir.resolve("users").toString(), "wangmin", "--role", "boss");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("hotline users add: unknown role 'boss': use operator or analyst");
        assertThat(dir.resolve("users")).doesNotExist();
    }

    @Test
    void demoRefusesANonsenseRecordCountWithUsageExitCode() {
        StringWriter err = new StringWriter();
        int exit = cli(new StringWriter(), err).execute("demo", "--records", "0");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--records must be at least 1");
    }
}
