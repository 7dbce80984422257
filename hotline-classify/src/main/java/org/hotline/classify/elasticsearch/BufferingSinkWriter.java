package org.hotline.classify.elasticsearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;

/**
 * Buffers values and hands them to a {@link BatchWriter} when the batch is full, when the flush timer fires (so an
 * idle stream still gets its last values written within the interval) and when Flink flushes on a checkpoint or end
 * of input. The timer runs in the task's mailbox thread, so it never races with {@link #write}. Shared by the
 * record sink and the alert sink.
 */
public final class BufferingSinkWriter<T> implements SinkWriter<T> {
    private final BatchWriter<T> batchWriter;
    private final AutoCloseable alsoClose;
    private final int batchSize;
    private final long flushIntervalMillis;
    private final ProcessingTimeService timeService;
    private final Counter sent;
    private final Counter sendErrors;
    private final List<T> buffer = new ArrayList<>();
    private boolean closed;

    /** @param alsoClose closed after the batch writer, e.g. a failure listener holding a producer */
    public BufferingSinkWriter(BatchWriter<T> batchWriter, AutoCloseable alsoClose, int batchSize,
            long flushIntervalMillis, ProcessingTimeService timeService, Counter sent, Counter sendErrors) {
        this.batchWriter = batchWriter;
        this.alsoClose = alsoClose;
        this.batchSize = batchSize;
        this.flushIntervalMillis = flushIntervalMillis;
        this.timeService = timeService;
        this.sent = sent;
        this.sendErrors = sendErrors;
        scheduleFlush();
    }

    @Override
    public void write(T value, Context context) throws IOException, InterruptedException {
        buffer.add(value);
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
        BatchWriter.BulkResult result = batchWriter.write(buffer);
        sent.inc(result.indexed());
        sendErrors.inc(result.failed());
        buffer.clear();
    }

    /** Values buffered and not yet sent. */
    int buffered() {
        return buffer.size();
    }

    @Override
    public void close() throws Exception {
        closed = true;
        try {
            batchWriter.close();
        } finally {
            alsoClose.close();
        }
    }
}
