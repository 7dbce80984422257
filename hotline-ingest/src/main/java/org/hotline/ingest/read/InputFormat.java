package org.hotline.ingest.read;

import java.util.Locale;

/** How an input file is laid out. */
public enum InputFormat {
    /** One JSON object per line (JSON Lines / NDJSON). */
    JSONL,
    /** Comma-separated values with a header row (RFC 4180 quoting). */
    CSV;

    /** The format a file name implies: {@code .csv} (also {@code .csv.gz}) is CSV, anything else JSON Lines. */
    public static InputFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            lower = lower.substring(0, lower.length() - 3);
        }
        return lower.endsWith(".csv") ? CSV : JSONL;
    }
}
