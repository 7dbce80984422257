package org.hotline.alerts.backtest;

import picocli.CommandLine;

/** Shared picocli set-up for this module's commands: bad options give one line and exit code 2. */
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
}
