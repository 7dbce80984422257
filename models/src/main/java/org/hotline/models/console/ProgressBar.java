package org.hotline.models.console;

import java.io.PrintStream;

/**
 * The one progress bar of every hotline command: a line on stderr redrawn in place (at most every 100 ms) with
 * count, percentage, rate and time left. When stderr is not a terminal (CI, pipes) it prints a plain line per 10%
 * instead, so logs stay readable.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final String label;
    private final long total;
    private final PrintStream err;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private long lastDecile;
    private long current;
    private long lastPrinted = -1;

    /** @param total expected count, or 0 when unknown */
    public ProgressBar(String label, long total) {
        this(label, total, System.err, System.console() != null);
    }

    /** A bar on {@code err}, redrawn in place only when the JVM has a terminal. */
    public ProgressBar(String label, long total, PrintStream err) {
        this(label, total, err, System.console() != null);
    }

    ProgressBar(String label, long total, PrintStream err, boolean interactive) {
        this.label = label;
        this.total = total;
        this.err = err;
        this.interactive = interactive;
    }

    public synchronized void update(long count) {
        current = count;
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDrawNanos >= 100_000_000L) {
                lastDrawNanos = now;
                err.print("\r" + render(now) + "\u001b[K");
                err.flush();
            }
        } else if (total > 0) {
            long decile = count * 10 / total;
            if (decile > lastDecile) {
                lastDecile = decile;
                lastPrinted = count;
                err.println(render(now));
            }
        }
    }

    public synchronized void step() {
        update(current + 1);
    }

    /** Draws the final state and ends the line (without repeating a final state already printed). */
    public synchronized void done() {
        String line = render(System.nanoTime());
        if (interactive) {
            err.println("\r" + line + "\u001b[K");
        } else if (current != lastPrinted) {
            err.println(line);
        }
        err.flush();
    }

    String render(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = current / seconds;
        StringBuilder line = new StringBuilder(label).append(' ');
        if (total > 0) {
            double fraction = Math.min(1.0, (double) current / total);
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(String.format("%,d/%,d %3.0f%%", current, total, fraction * 100));
            if (rate > 0 && current < total) {
                line.append(String.format(" · %s left", formatSeconds((total - current) / rate)));
            }
        } else {
            line.append(String.format("%,d", current));
        }
        if (seconds >= 1) { // a rate over a blink of time is noise
            line.append(String.format(" · %,.0f/s", rate));
        }
        return line.append(" · ").append(formatSeconds(seconds)).toString();
    }

    static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
