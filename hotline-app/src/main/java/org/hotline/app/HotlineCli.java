package org.hotline.app;

import org.hotline.alerts.backtest.BacktestCommand;
import org.hotline.alerts.cli.AlertsCommand;
import org.hotline.alerts.bench.ScaleBenchCommand;
import org.hotline.alerts.forecast.ForecastCommand;
import org.hotline.alerts.notify.NotifyTestCommand;
import org.hotline.alerts.scan.ScanEvalCommand;
import org.hotline.app.engines.ServicesCommand;
import org.hotline.classify.ClassifyCommand;
import org.hotline.ingest.cli.IngestCommand;
import org.hotline.models.cli.BenchClassifierCommand;
import org.hotline.models.cli.EvaluateCommand;
import org.hotline.models.cli.PredictCommand;
import org.hotline.models.cli.TrainCommand;
import org.hotline.models.sample.GenerateCommand;
import org.hotline.web.ServeCommand;
import org.hotline.web.UsersCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine;

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
            AlertsCommand.class,
            ServeCommand.class,
            UsersCommand.class,
            GenerateCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            EvaluateCommand.class,
            BenchClassifierCommand.class,
            BacktestCommand.class,
            ForecastCommand.class,
            ScanEvalCommand.class,
            ScaleBenchCommand.class,
            NotifyTestCommand.class,
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
        System.exit(commandLine().execute(args));
    }

    /** The command line main() runs, with its one-line failure reports and exit codes (2: bad input, 1: failed). */
    public static CommandLine commandLine() {
        return new CommandLine(new HotlineCli()).setExecutionExceptionHandler(HotlineCli::reportFailure);
    }

    /** A failure is one line for the person; the stack trace goes to the log file. */
    private static int reportFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        // "hotline users add", not "hotline add", for a subcommand's subcommand
        String name = command.getCommandSpec().qualifiedName();
        LoggerFactory.getLogger(HotlineCli.class).error("{} failed", name, e);
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        command.getErr().println(name + ": " + message + " (details in work/logs/hotline.log)");
        return e instanceof IllegalArgumentException ? 2 : 1;
    }
}
