package org.hotline.ingest.pipeline;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotline.ingest.read.RecordReader;
import org.hotline.ingest.template.DeadLetter;
import org.hotline.ingest.template.IntakeValidator;
import org.hotline.ingest.template.RawRecord;
import org.hotline.ingest.template.RejectReason;
import org.hotline.ingest.template.ValidationResult;
import org.hotline.models.records.HotlineRecord;

/**
 * Validates raw records and hands each one to the sink, accepted or dead-lettered: nothing is dropped and a bad
 * record never stops the run. One pipeline is one batch: an id accepted earlier in the batch (any earlier
 * {@link #run} call on this instance) makes a later record with the same id a {@code duplicate_id} dead letter.
 * Not thread-safe.
 */
public final class IntakePipeline {
    private final IntakeValidator validator;
    private final RecordSink sink;
    private final ProgressListener progress;
    private final Set<String> acceptedIds = new HashSet<>();
    private final Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
    private long read;
    private long accepted;
    private long deadLettered;
    private long blankLines;
    private long elapsedNanos;

    public IntakePipeline(IntakeValidator validator, RecordSink sink) {
        this(validator, sink, ProgressListener.NONE);
    }

    public IntakePipeline(IntakeValidator validator, RecordSink sink, ProgressListener progress) {
        this.validator = validator;
        this.sink = sink;
        this.progress = progress;
    }

    /**
     * Runs every record through validation into the sink, then flushes the sink.
     *
     * @return the counts of the whole batch so far
     * @throws SinkException            when the sink fails (the run stops: nothing more can be stored)
     * @throws java.io.UncheckedIOException when the records cannot be read
     */
    public IntakeSummary run(Iterator<RawRecord> records) {
        long start = System.nanoTime();
        try {
            while (records.hasNext()) {
                handle(records.next());
            }
            sink.flush();
        } finally {
            elapsedNanos += System.nanoTime() - start;
            if (records instanceof RecordReader reader) {
                blankLines += reader.blankLines();
            }
        }
        return summary();
    }

    public IntakeSummary summary() {
        Map<String, Long> byCode = new TreeMap<>();
        reasons.forEach((reason, count) -> byCode.put(reason.code(), count));
        return new IntakeSummary(read, accepted, deadLettered, blankLines, new TreeMap<>(byCode), elapsedNanos);
    }

    private void handle(RawRecord raw) {
        read++;
        ValidationResult result = validator.validate(raw);
        if (result instanceof ValidationResult.Accepted ok) {
            acceptUnlessDuplicate(raw, ok.record());
        } else {
            deadLetter(((ValidationResult.Rejected) result).deadLetter());
        }
        progress.onRecord(read, accepted, deadLettered);
    }

    private void acceptUnlessDuplicate(RawRecord raw, HotlineRecord record) {
        if (!acceptedIds.add(record.id())) {
            deadLetter(DeadLetter.of(raw, RejectReason.DUPLICATE_ID, "id",
                    "id " + record.id() + " was already accepted in this batch", record.id()));
            return;
        }
        accepted++;
        sink.accepted(record);
    }

    private void deadLetter(DeadLetter deadLetter) {
        deadLettered++;
        reasons.merge(deadLetter.reason(), 1L, Long::sum);
        sink.deadLettered(deadLetter);
    }
}
