package org.hotline.models.cli;

import java.io.PrintWriter;
import org.hotline.models.classifier.TrainingProgress;

/** A one-line progress bar on stderr, redrawn in place, at most about ten times a second. */
final class ProgressBar implements TrainingProgress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastDraw;
    private String lastPhase = "";

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(String phase, long done, long total) {
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!finished && phase.equals(lastPhase) && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        if (!phase.equals(lastPhase) && !lastPhase.isEmpty()) {
            err.println();
        }
        lastPhase = phase;
        lastDraw = now;
        err.print("\r" + line(phase, done, total, (now - started) / 1e9));
        err.flush();
    }

    /** Ends the current line. */
    void finish() {
        if (!lastPhase.isEmpty()) {
            err.println();
            err.flush();
        }
    }

    static String line(String phase, long done, long total, double seconds) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format("%-22s [%s%s] %3.0f%% %d/%d %.0fs", phase, "#".repeat(filled),
                " ".repeat(WIDTH - filled), fraction * 100, done, total, seconds);
    }
}
