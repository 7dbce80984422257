package org.hotline.alerts.backtest;

import java.io.PrintStream;

/** A one-line progress bar on stderr. */
public final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String label;
    private final int total;

    public Progress(PrintStream err, String label, int total) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
    }

    public synchronized void update(int done) {
        int filled = WIDTH * Math.min(done, total) / total;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
        err.flush();
    }

    public synchronized void finish() {
        err.println();
    }
}
