package org.hotline.alerts.job.functions;

import java.util.Objects;

/**
 * One record's contribution to one node × district series: the record counts once at every level of its best
 * path. Carries what the day's evidence keeps (the record id and its tokens).
 *
 * @param nodePath "城乡建设/供热" — the path up to this level, '/'-joined
 * @param level    1 for the top level
 * @param district the record's district, {@link FanOutToSeries#UNKNOWN_DISTRICT} when it has none
 * @param street   the record's street (for street-level scans), or null
 * @param recordId the record id
 * @param tokens   the record's HanLP tokens, space-joined (may be empty)
 */
public record SeriesEvent(String nodePath, int level, String district, String street, String recordId,
                          String tokens) {

    /** Separates node and district in the Flink key; neither ever contains it. */
    static final char KEY_SEPARATOR = '\u001f';

    public SeriesEvent {
        Objects.requireNonNull(nodePath, "nodePath");
        Objects.requireNonNull(district, "district");
        tokens = Objects.requireNonNullElse(tokens, "");
    }

    /** The key of the node × district series this event counts in. */
    public String seriesKey() {
        return keyOf(nodePath, district);
    }

    public static String keyOf(String nodePath, String district) {
        return nodePath + KEY_SEPARATOR + district;
    }

    /** {@code [nodePath, district]} of a key made by {@link #keyOf}. */
    public static String[] split(String seriesKey) {
        int at = seriesKey.indexOf(KEY_SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a series key: " + seriesKey);
        }
        return new String[] {seriesKey.substring(0, at), seriesKey.substring(at + 1)};
    }
}
