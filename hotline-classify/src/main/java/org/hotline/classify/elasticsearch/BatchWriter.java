package org.hotline.classify.elasticsearch;

import java.io.IOException;
import java.util.List;

/**
 * Writes one batch of values to Elasticsearch; what {@link BufferingSinkWriter} calls when its buffer is full, its
 * timer fires or Flink flushes. Implementations: {@link BulkRecordWriter} (tagged records) and the alert writer.
 */
public interface BatchWriter<T> extends AutoCloseable {

    /** What one {@link #write} did: documents written and documents failed for good. */
    record BulkResult(int indexed, int failed) {}

    /** @throws IOException when the cluster could not be reached even after every retry */
    BulkResult write(List<T> batch) throws IOException, InterruptedException;

    @Override
    void close() throws IOException;
}
