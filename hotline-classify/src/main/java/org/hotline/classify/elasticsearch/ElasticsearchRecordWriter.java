package org.hotline.classify.elasticsearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.hotline.classify.records.TaggedRecord;

/**
 * Buffers records and sends them in bulk when the batch is full, when the flush timer fires (so an idle stream
 * still gets its last records indexed within the interval) and when Flink flushes on a checkpoint or end of input.
 * The timer runs in the task's mailbox thread, so it never races with {@link #write}.
 */
final class ElasticsearchRecordWriter implements SinkWriter<TaggedRecord> {
    private final BulkRecordWriter bulkWriter;
    private final FailureListener failureListener;
    private final int batchSize;
    private final long flushIntervalMillis;
    private final ProcessingTimeService timeService;
    private final Counter sent;
    private final Counter sendErrors;
    private final List<TaggedRecord> buffer = new ArrayList<>();
    private boolean closed;

    ElasticsearchRecordWriter(BulkRecordWriter bulkWriter, FailureListener failureListener, int batchSize,
            long flushIntervalMillis, ProcessingTimeService timeService, Counter sent, Counter sendErrors) {
        this.bulkWriter = bulkWriter;
        this.failureListener = failureListener;
        this.batchSize = batchSize;
        this.flushIntervalMillis = flushIntervalMillis;
        this.timeService = timeService;
        this.sent = sent;
        this.sendErrors = sendErrors;
        scheduleFlush();
    }

    @Override
    public void write(TaggedRecord record, Context context) throws IOException, InterruptedException {
        buffer.add(record);
        if (buffer.size() >= batchSize) {
            sendBuffer();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        sendBuffer();
    }

    private void scheduleFlush() {
        timeService.registerTimer(timeService.getCurrentProcessingTime() + flushIntervalMillis, time -> {
            if (!closed) {
                sendBuffer();
                scheduleFlush();
            }
        });
    }

    private void sendBuffer() throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        BulkRecordWriter.BulkResult result = bulkWriter.write(buffer);
        sent.inc(result.indexed());
        sendErrors.inc(result.failed());
        buffer.clear();
    }

    /** Records buffered and not yet sent. */
    int buffered() {
        return buffer.size();
    }

    @Override
    public void close() throws Exception {
        closed = true;
        try {
            bulkWriter.close();
        } finally {
            failureListener.close();
        }
    }
}
