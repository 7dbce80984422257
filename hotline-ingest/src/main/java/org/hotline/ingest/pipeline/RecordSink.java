package org.hotline.ingest.pipeline;

import org.hotline.ingest.template.DeadLetter;
import org.hotline.models.records.HotlineRecord;

/**
 * Where the pipeline puts its results: accepted (already masked) records and dead letters. Implementations
 * may buffer; {@link #flush()} returns once everything handed over is stored.
 */
public interface RecordSink extends AutoCloseable {

    void accepted(HotlineRecord record);

    void deadLettered(DeadLetter deadLetter);

    /** @throws SinkException when something handed over could not be stored */
    default void flush() {}

    @Override
    default void close() {}

    /** A sink that stores nothing: for dry runs, where only the counts matter. */
    static RecordSink discarding() {
        return new RecordSink() {
            @Override
            public void accepted(HotlineRecord record) {
                // dry run
            }

            @Override
            public void deadLettered(DeadLetter deadLetter) {
                // dry run
            }
        };
    }

    /** Both sinks get everything, {@code this} first. */
    default RecordSink and(RecordSink other) {
        RecordSink first = this;
        return new RecordSink() {
            @Override
            public void accepted(HotlineRecord record) {
                first.accepted(record);
                other.accepted(record);
            }

            @Override
            public void deadLettered(DeadLetter deadLetter) {
                first.deadLettered(deadLetter);
                other.deadLettered(deadLetter);
            }

            @Override
            public void flush() {
                first.flush();
                other.flush();
            }

            @Override
            public void close() {
                try {
                    first.close();
                } finally {
                    other.close();
                }
            }
        };
    }
}
