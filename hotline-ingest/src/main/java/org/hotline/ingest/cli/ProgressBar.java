package org.hotline.ingest.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.hotline.ingest.pipeline.ProgressListener;

/**
 * One self-overwriting status line on stderr: records read, accepted, dead-lettered and the rate. Redrawn at
 * most every {@value #REDRAW_NANOS} ns so the counting loop stays cheap.
 */
final class ProgressBar implements ProgressListener {
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final String SPINNER = "|/-\\";

    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos = startNanos - REDRAW_NANOS; // draw on the first record
    private int frame;
    private int lastWidth;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onRecord(long read, long accepted, long deadLettered) {
        long now = System.nanoTime();
        if (now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        String line = String.format(Locale.ROOT, "%c read %,d · accepted %,d · dead-lettered %,d · %,.0f records/s",
                SPINNER.charAt(frame++ % SPINNER.length()), read, accepted, deadLettered, read / seconds);
        err.print('\r' + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    /** Wipes the status line so the summary starts on a clean line. */
    void clear() {
        if (lastWidth > 0) {
            err.print('\r' + " ".repeat(lastWidth) + '\r');
            err.flush();
            lastWidth = 0;
        }
    }
}
