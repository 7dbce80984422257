package org.hotline.classify.elasticsearch;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.hotline.classify.records.TaggedRecord;

/**
 * Flink sink writing tagged records to the {@code hotline-records} index. At-least-once (every checkpoint flushes
 * the buffer) with the record id as document id, so a replay after a failure overwrites rather than duplicates.
 * A buffered record waits at most {@link ElasticsearchConfig#flushIntervalMillis()}, even on an idle stream.
 */
public final class ElasticsearchRecordSink implements Sink<TaggedRecord> {
    private static final long serialVersionUID = 1L;

    private final ElasticsearchConfig config;
    private final FailureListener failureListener;

    /** @param failureListener told about each record refused for good, e.g. to route it to a dead-letter topic */
    public ElasticsearchRecordSink(ElasticsearchConfig config, FailureListener failureListener) {
        this.config = config;
        this.failureListener = failureListener;
    }

    /** A sink whose refused records are only logged and counted (metric {@code numRecordsSendErrors}). */
    public ElasticsearchRecordSink(ElasticsearchConfig config) {
        this(config, failed -> { });
    }

    @Override
    public SinkWriter<TaggedRecord> createWriter(WriterInitContext context) throws IOException {
        try {
            failureListener.open();
        } catch (Exception e) {
            throw new IOException("cannot open the failure listener", e);
        }
        BulkRecordWriter bulkWriter;
        try {
            bulkWriter = BulkRecordWriter.open(config, failureListener);
        } catch (IOException | RuntimeException e) {
            closeQuietly(failureListener, e);
            throw e;
        }
        return new BufferingSinkWriter<>(bulkWriter, failureListener::close, config.batchSize(),
                config.flushIntervalMillis(), context.getProcessingTimeService(),
                context.metricGroup().getNumRecordsSendCounter(),
                context.metricGroup().getNumRecordsSendErrorsCounter());
    }

    private static void closeQuietly(FailureListener listener, Exception failure) {
        try {
            listener.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
