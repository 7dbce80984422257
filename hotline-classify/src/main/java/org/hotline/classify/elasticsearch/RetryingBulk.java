package org.hotline.classify.elasticsearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends bulk operations and retries, with exponential backoff, the items rejected with 429/5xx and requests that
 * fail as a whole. Returns each operation's final result, so callers decide what a refusal means: a failed record
 * for the record writer, "already there, update it instead" (409 on create) for the alert writer.
 */
public final class RetryingBulk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingBulk.class);

    /** Waits between retries; tests replace it so they do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final BulkSender sender;
    private final int maxRetries;
    private final long initialBackoffMillis;
    private final Sleeper sleeper;

    public RetryingBulk(BulkSender sender, int maxRetries, long initialBackoffMillis, Sleeper sleeper) {
        this.sender = sender;
        this.maxRetries = maxRetries;
        this.initialBackoffMillis = initialBackoffMillis;
        this.sleeper = sleeper;
    }

    /** Over the configured cluster (retries and backoff from {@code config}), writing to {@code index}. */
    public static RetryingBulk connect(ElasticsearchConfig config, String index) {
        return new RetryingBulk(BulkSender.over(ElasticsearchClients.connect(config), index), config.maxRetries(),
                config.initialBackoffMillis(), Thread::sleep);
    }

    /**
     * Sends the operations, retrying what is worth retrying.
     *
     * @return one final result per operation, in the order given; a retryable item that never got through has
     *     "gave up after N attempts: " before its error
     * @throws IOException when the cluster could not be reached even after every retry
     */
    public List<BulkSender.ItemResult> send(List<BulkSender.Operation> operations)
            throws IOException, InterruptedException {
        BulkSender.ItemResult[] finalResults = new BulkSender.ItemResult[operations.size()];
        List<Integer> pending = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            pending.add(i);
        }
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            List<BulkSender.Operation> request = new ArrayList<>(pending.size());
            pending.forEach(i -> request.add(operations.get(i)));
            List<BulkSender.ItemResult> results;
            try {
                results = sender.send(request);
            } catch (IOException e) {
                if (attempt >= maxRetries) {
                    throw new IOException("bulk request failed after " + (attempt + 1) + " attempts", e);
                }
                LOG.warn("bulk request of {} documents failed (attempt {}), retrying: {}", request.size(),
                        attempt + 1, e.getMessage());
                sleeper.sleep(backoffMillis(initialBackoffMillis, attempt));
                continue;
            }
            List<Integer> retry = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                BulkSender.ItemResult result = results.get(i);
                int index = pending.get(i);
                if (!result.succeeded() && result.retryable() && attempt < maxRetries) {
                    retry.add(index);
                } else if (!result.succeeded() && result.retryable()) {
                    finalResults[index] = new BulkSender.ItemResult(result.id(), result.status(),
                            "gave up after " + (attempt + 1) + " attempts: " + result.error());
                } else {
                    finalResults[index] = result;
                }
            }
            if (!retry.isEmpty()) {
                LOG.warn("{} of {} documents rejected with 429/5xx (attempt {}), retrying", retry.size(),
                        request.size(), attempt + 1);
                sleeper.sleep(backoffMillis(initialBackoffMillis, attempt));
            }
            pending = retry;
        }
        return List.of(finalResults);
    }

    /** Exponential backoff: initial, 2×initial, 4×initial, … capped at 30 s. */
    public static long backoffMillis(long initialBackoffMillis, int attempt) {
        return Math.min(30_000L, initialBackoffMillis << Math.min(attempt, 20));
    }

    @Override
    public void close() throws IOException {
        sender.close();
    }
}
