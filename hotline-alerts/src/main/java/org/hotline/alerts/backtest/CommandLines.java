package org.hotline.alerts.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hotline.alerts.series.DailySeries;
import org.hotline.alerts.series.SeriesCsv;
import picocli.CommandLine;

/**
 * Shared set-up for this module's commands: bad options, a missing file or bad input give one line and exit code 2;
 * other I/O errors exit code 1.
 */
public final class CommandLines {

    private CommandLines() {
    }

    public static CommandLine create(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println(cmd.getCommandName() + ": " + exception.getMessage() + " (see --help)");
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        return commandLine;
    }

    /** One count column of a daily CSV; missing days count as 0, and {@code err} says how many there were. */
    public static DailySeries readSeries(String name, PrintStream err, Path file, String dateColumn, String column)
            throws IOException {
        SeriesCsv.Loaded loaded = SeriesCsv.read(file, dateColumn, column);
        if (loaded.filledDays() > 0) {
            err.println(name + ": " + loaded.filledDays() + " missing days in " + column + " counted as 0");
        }
        return loaded.series();
    }

    /** A command's work; returns its exit code. */
    @FunctionalInterface
    public interface Work {
        int run() throws IOException;
    }

    /** Runs {@code work}, reporting the failures a user can fix as one line on {@code err}, prefixed by {@code name}. */
    public static int run(String name, PrintStream err, Work work) {
        try {
            return work.run();
        } catch (NoSuchFileException e) {
            err.println(name + ": file not found: " + e.getFile());
            return 2;
        } catch (IllegalArgumentException | SeriesCsv.SeriesFormatException e) {
            err.println(name + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println(name + ": " + e.getMessage());
            return 1;
        }
    }
}
