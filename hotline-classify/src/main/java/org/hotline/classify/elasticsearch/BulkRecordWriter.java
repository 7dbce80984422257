package org.hotline.classify.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.classify.records.TaggedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes batches of tagged records under their record ids, so writing a record twice leaves one document.
 * Items rejected with 429/5xx (and requests that fail as a whole) are retried with exponential backoff; an item
 * that fails for good is logged, counted and handed to the {@link FailureListener}, never dropped silently.
 */
public final class BulkRecordWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BulkRecordWriter.class);

    /** Waits between retries; tests replace it so they do not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** What one {@link #write} did: documents indexed and documents failed for good. */
    public record BulkResult(int indexed, int failed) {}

    private final BulkSender sender;
    private final FailureListener failureListener;
    private final int maxRetries;
    private final long initialBackoffMillis;
    private final Sleeper sleeper;
    private long permanentFailures;

    BulkRecordWriter(BulkSender sender, FailureListener failureListener, int maxRetries, long initialBackoffMillis,
            Sleeper sleeper) {
        this.sender = sender;
        this.failureListener = failureListener;
        this.maxRetries = maxRetries;
        this.initialBackoffMillis = initialBackoffMillis;
        this.sleeper = sleeper;
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
        return new BulkRecordWriter(new ElasticsearchBulkSender(client, config.index()), failureListener,
                config.maxRetries(), config.initialBackoffMillis(), Thread::sleep);
    }

    /**
     * Indexes the batch, retrying what is worth retrying.
     *
     * @throws IOException when the cluster could not be reached even after every retry
     */
    public BulkResult write(List<TaggedRecord> batch) throws IOException, InterruptedException {
        Map<String, TaggedRecord> byId = new HashMap<>();
        List<BulkSender.Operation> pending = new ArrayList<>(batch.size());
        for (TaggedRecord record : batch) {
            byId.put(record.id(), record);
            pending.add(new BulkSender.Operation(record.id(), RecordDocument.toDocument(record)));
        }
        int indexed = 0;
        int failed = 0;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            List<BulkSender.ItemResult> results;
            try {
                results = sender.send(pending);
            } catch (IOException e) {
                if (attempt >= maxRetries) {
                    throw new IOException("bulk request failed after " + (attempt + 1) + " attempts", e);
                }
                LOG.warn("bulk request of {} documents failed (attempt {}), retrying: {}", pending.size(),
                        attempt + 1, e.getMessage());
                sleeper.sleep(backoffMillis(initialBackoffMillis, attempt));
                continue;
            }
            List<BulkSender.Operation> retry = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                BulkSender.ItemResult result = results.get(i);
                if (result.succeeded()) {
                    indexed++;
                } else if (result.retryable() && attempt < maxRetries) {
                    retry.add(pending.get(i));
                } else {
                    failed++;
                    String reason = result.retryable()
                            ? "gave up after " + (attempt + 1) + " attempts: " + result.error()
                            : result.error();
                    reportFailure(new FailedDocument(byId.get(result.id()), result.status(), reason));
                }
            }
            if (!retry.isEmpty()) {
                LOG.warn("{} of {} documents rejected with 429/5xx (attempt {}), retrying", retry.size(),
                        pending.size(), attempt + 1);
                sleeper.sleep(backoffMillis(initialBackoffMillis, attempt));
            }
            pending = retry;
        }
        return new BulkResult(indexed, failed);
    }

    /** Documents refused for good since this writer was opened. */
    public long permanentFailures() {
        return permanentFailures;
    }

    /** Exponential backoff: initial, 2×initial, 4×initial, … capped at 30 s. */
    static long backoffMillis(long initialBackoffMillis, int attempt) {
        return Math.min(30_000L, initialBackoffMillis << Math.min(attempt, 20));
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
        sender.close();
    }
}
