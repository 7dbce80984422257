package org.hotline.classify.functions;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableFunction;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;

/**
 * Keyed by record id: passes an element on unless the same id with the same record content was seen within the
 * TTL, so replaying an intake file does not tag, count or alert twice. A corrected record (same id, new content)
 * passes. State is one fingerprint per id and expires by TTL; no timers.
 *
 * @param <T> what flows: intake records (classify job) or tagged records (alert job)
 */
public final class DropReplays<T> extends KeyedProcessFunction<String, T, T> {
    private static final long serialVersionUID = 1L;
    private final Duration ttl;
    private final SerializableFunction<T, HotlineRecord> recordOf;
    private transient ValueState<Long> fingerprint;

    public DropReplays(Duration ttl, SerializableFunction<T, HotlineRecord> recordOf) {
        this.ttl = ttl;
        this.recordOf = recordOf;
    }

    /** For a stream of intake records. */
    public static DropReplays<HotlineRecord> ofRecords(Duration ttl) {
        return new DropReplays<>(ttl, record -> record);
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("fingerprint", Long.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build());
        fingerprint = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(T element, Context ctx, Collector<T> out) throws Exception {
        long current = fingerprintOf(recordOf.apply(element));
        Long seen = fingerprint.value();
        if (seen == null || seen != current) {
            fingerprint.update(current);
            out.collect(element);
        }
    }

    /** 64 bits of a stable hash of the record's canonical JSON. */
    static long fingerprintOf(HotlineRecord record) {
        String json = HotlineRecordJson.write(record);
        long h = 0xcbf29ce484222325L; // FNV-1a: stable across JVMs, unlike String.hashCode's 32 bits
        for (int i = 0; i < json.length(); i++) {
            h ^= json.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
