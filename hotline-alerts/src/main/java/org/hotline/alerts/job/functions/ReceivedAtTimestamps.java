package org.hotline.alerts.job.functions;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.hotline.classify.records.TaggedRecord;

/**
 * Event time of a tagged record: when the hotline received the demand ({@code record.receivedAt}), not when it was
 * tagged. Watermarks allow a bounded out-of-orderness, and a source partition that stays silent for the idleness
 * timeout stops holding the other partitions' days back.
 */
public final class ReceivedAtTimestamps implements SerializableTimestampAssigner<TaggedRecord> {
    private static final long serialVersionUID = 1L;

    public static WatermarkStrategy<TaggedRecord> watermarks(Duration outOfOrderness, Duration idleness) {
        return boundedOutOfOrderness(outOfOrderness).withIdleness(idleness);
    }

    static WatermarkStrategy<TaggedRecord> boundedOutOfOrderness(Duration outOfOrderness) {
        return WatermarkStrategy.<TaggedRecord>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(new ReceivedAtTimestamps());
    }

    /** Milliseconds since the epoch of {@code receivedAt}; the tagging time for a record without one. */
    public static long timestampOf(TaggedRecord tagged) {
        if (tagged.record().receivedAt() != null) {
            return tagged.record().receivedAt().toInstant().toEpochMilli();
        }
        if (tagged.taggedAt() != null) {
            return tagged.taggedAt().toEpochMilli();
        }
        throw new IllegalArgumentException("record " + tagged.id() + " has neither receivedAt nor taggedAt");
    }

    @Override
    public long extractTimestamp(TaggedRecord tagged, long recordTimestamp) {
        return timestampOf(tagged);
    }
}
