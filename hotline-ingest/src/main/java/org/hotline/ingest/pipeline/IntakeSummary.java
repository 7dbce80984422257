package org.hotline.ingest.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts of one intake run.
 *
 * @param read          raw records read (blank lines are not records)
 * @param accepted      records accepted (written to the accepted sink)
 * @param deadLettered  records refused (written to the dead-letter sink)
 * @param blankLines    blank lines passed over
 * @param reasons       dead letters per reason code, e.g. {@code blank_content → 3}
 * @param elapsedNanos  wall time of the run
 */
@JsonPropertyOrder({"read", "accepted", "deadLettered", "blankLines", "seconds", "recordsPerSecond", "reasons"})
public record IntakeSummary(
        long read, long accepted, long deadLettered, long blankLines, SortedMap<String, Long> reasons,
        @JsonIgnore long elapsedNanos) {

    public IntakeSummary {
        reasons = new TreeMap<>(reasons);
    }

    @JsonProperty("seconds")
    public double seconds() {
        return elapsedNanos / 1e9;
    }

    @JsonProperty("recordsPerSecond")
    public double recordsPerSecond() {
        return elapsedNanos == 0 ? 0 : read / seconds();
    }

    /** One line for people, e.g. {@code read 1,020 · accepted 1,000 · dead-lettered 20 (…) · 5,120 records/s}. */
    public String toLine() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "read %,d · accepted %,d · dead-lettered %,d", read, accepted, deadLettered));
        if (!reasons.isEmpty()) {
            line.append(" (");
            boolean first = true;
            for (Map.Entry<String, Long> reason : reasons.entrySet()) {
                line.append(first ? "" : ", ").append(reason.getKey()).append(' ').append(reason.getValue());
                first = false;
            }
            line.append(')');
        }
        line.append(String.format(Locale.ROOT, " · %.1f s · %,.0f records/s", seconds(), recordsPerSecond()));
        return line.toString();
    }
}
