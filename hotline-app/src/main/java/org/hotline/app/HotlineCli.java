package org.hotline.app;

import org.hotline.alerts.backtest.BacktestCommand;
import org.hotline.app.engines.ServicesCommand;
import org.hotline.classify.ClassifyCommand;
import org.hotline.ingest.cli.IngestCommand;
import org.hotline.models.cli.TrainCommand;
import org.hotline.models.sample.GenerateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./hotline}: one entry point; each module owns its commands, this class only lists them. */
@Command(
        name = "hotline",
        mixinStandardHelpOptions = true,
        version = "hotline 0.1.0",
        header = "Classification and early warning for a 12345 government service hotline.",
        description = {"Run `hotline COMMAND --help` for the options of a command.",
            "Configuration: --config FILE (properties), HOTLINE_* environment variables, flags; see "
                    + "docs/configuration.md."},
        subcommands = {
            DemoCommand.class,
            IngestCommand.class,
            ClassifyCommand.class,
            GenerateCommand.class,
            TrainCommand.class,
            BacktestCommand.class,
            ServicesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class HotlineCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HotlineCli()).execute(args));
    }
}
