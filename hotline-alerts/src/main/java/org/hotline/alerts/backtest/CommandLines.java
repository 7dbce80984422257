package org.hotline.alerts.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
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
