package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HotlineCliTest {

    private static CommandLine cli(StringWriter out, StringWriter err) {
        return new CommandLine(new HotlineCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }

    @Test
    void everyCommandExplainsItself() {
        CommandLine root = new CommandLine(new HotlineCli());
        assertThat(root.getSubcommands().keySet()).contains("demo", "ingest", "classify", "generate", "train",
                "predict", "evaluate", "backtest", "forecast", "notify-test", "services", "alerts", "serve");
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
    void demoRefusesANonsenseRecordCountWithUsageExitCode() {
        StringWriter err = new StringWriter();
        int exit = cli(new StringWriter(), err).execute("demo", "--records", "0");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--records must be at least 1");
    }
}
