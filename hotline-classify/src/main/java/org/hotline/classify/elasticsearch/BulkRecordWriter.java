package org.hotline.classify.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.classify.records.TaggedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes batches of tagged records under their record ids, so writing a record twice leaves one document.
 * Items rejected with 429/5xx (and requests that fail as a whole) are retried ({@link RetryingBulk}); an item
 * that fails for good is logged, counted and handed to the {@link FailureListener}, never dropped silently.
 */
public final class BulkRecordWriter implements BatchWriter<TaggedRecord> {
    private static final Logger LOG = LoggerFactory.getLogger(BulkRecordWriter.class);

    private final RetryingBulk bulk;
    private final FailureListener failureListener;
    private long permanentFailures;

    BulkRecordWriter(BulkSender sender, FailureListener failureListener, int maxRetries, long initialBackoffMillis,
            RetryingBulk.Sleeper sleeper) {
        this.bulk = new RetryingBulk(sender, maxRetries, initialBackoffMillis, sleeper);
        this.failureListener = failureListener;
    }

    /**
     * Connects to the configured cluster and creates the index (with its mapping) when it is missing.
     * Does not call {@link FailureListener#open()}: the caller owns the listener's lifecycle.
     */
    public static BulkRecordWriter open(ElasticsearchConfig config, FailureListener failureListener)
            throws IOException {
        ElasticsearchClient client = ElasticsearchClients.connect(config);
        try {
            new RecordIndex(client, config).ensureExists();
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return new BulkRecordWriter(BulkSender.over(client, config.index()), failureListener,
                config.maxRetries(), config.initialBackoffMillis(), Thread::sleep);
    }

    /**
     * Indexes the batch, retrying what is worth retrying.
     *
     * @throws IOException when the cluster could not be reached even after every retry
     */
    @Override
    public BulkResult write(List<TaggedRecord> batch) throws IOException, InterruptedException {
        Map<String, TaggedRecord> byId = new HashMap<>();
        List<BulkSender.Operation> operations = batch.stream()
                .map(record -> {
                    byId.put(record.id(), record);
                    return new BulkSender.Operation(record.id(), RecordDocument.toDocument(record));
                })
                .toList();
        int indexed = 0;
        int failed = 0;
        for (BulkSender.ItemResult result : bulk.send(operations)) {
            if (result.succeeded()) {
                indexed++;
            } else {
                failed++;
                reportFailure(new FailedDocument(byId.get(result.id()), result.status(), result.error()));
            }
        }
        return new BulkResult(indexed, failed);
    }

    /** Documents refused for good since this writer was opened. */
    public long permanentFailures() {
        return permanentFailures;
    }

    /** Exponential backoff: initial, 2×initial, 4×initial, … capped at 30 s. */
    static long backoffMillis(long initialBackoffMillis, int attempt) {
        return RetryingBulk.backoffMillis(initialBackoffMillis, attempt);
    }

    private void reportFailure(FailedDocument failed) throws IOException {
        permanentFailures++;
        LOG.error("record {} not indexed (status {}): {}", failed.record().id(), failed.status(), failed.reason());
        try {
            failureListener.onPermanentFailure(failed);
        } catch (Exception e) {
            throw new IOException("failure listener could not take record " + failed.record().id(), e);
        }
    }

    @Override
    public void close() throws IOException {
        bulk.close();
    }
}
