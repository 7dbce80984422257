package org.hotline.classify.functions;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;

/**
 * Keyed by record id: passes a record on unless the same id with the same content was seen within the TTL, so
 * replaying an intake file does not tag, count or alert twice. A corrected record (same id, new content) passes.
 * State is one fingerprint per id and expires by TTL; no timers.
 */
public final class DropReplays extends KeyedProcessFunction<String, HotlineRecord, HotlineRecord> {
    private static final long serialVersionUID = 1L;
    private final Duration ttl;
    private transient ValueState<Long> fingerprint;

    public DropReplays(Duration ttl) {
        this.ttl = ttl;
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
    public void processElement(HotlineRecord record, Context ctx, Collector<HotlineRecord> out) throws Exception {
        long current = fingerprintOf(record);
        Long seen = fingerprint.value();
        if (seen == null || seen != current) {
            fingerprint.update(current);
            out.collect(record);
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
