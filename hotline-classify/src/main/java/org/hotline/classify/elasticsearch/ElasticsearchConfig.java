package org.hotline.classify.elasticsearch;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to write tagged records: one embedded node on loopback or an external cluster (several URLs,
 * basic auth or an API key, https with a CA certificate file). Serializable because the Flink sink carries it.
 *
 * @param urls                 node URLs, e.g. {@code http://127.0.0.1:9200} or {@code https://es1:9200}
 * @param index                index name
 * @param username             basic-auth user, or null
 * @param password             basic-auth password, or null
 * @param apiKey               base64 API key (the {@code encoded} value Elasticsearch returns), or null
 * @param caCertificate        path of the PEM CA certificate that signed the cluster's https certificate, or null
 * @param shards               primary shards of a newly created index
 * @param replicas             replicas of a newly created index (0 on a single node, else the index stays yellow)
 * @param batchSize            documents per bulk request
 * @param flushIntervalMillis  longest time a buffered document waits before it is sent
 * @param maxRetries           retries of a bulk item rejected with 429/5xx (or of a failed request) before giving up
 * @param initialBackoffMillis first retry delay; doubles on every retry
 */
public record ElasticsearchConfig(
        List<String> urls,
        String index,
        String username,
        String password,
        String apiKey,
        String caCertificate,
        int shards,
        int replicas,
        int batchSize,
        long flushIntervalMillis,
        int maxRetries,
        long initialBackoffMillis) implements Serializable {

    public static final String DEFAULT_INDEX = "hotline-records";

    public ElasticsearchConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one Elasticsearch URL is needed");
        }
        Objects.requireNonNull(index, "index");
        if (username != null && apiKey != null) {
            throw new IllegalArgumentException("use either basic auth or an API key, not both");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("basic auth needs both a username and a password");
        }
        requirePositive("shards", shards);
        requirePositive("batchSize", batchSize);
        requirePositive("flushIntervalMillis", flushIntervalMillis);
        requireNotNegative("replicas", replicas);
        requireNotNegative("maxRetries", maxRetries);
        requireNotNegative("initialBackoffMillis", initialBackoffMillis);
    }

    /** One node at {@code url}, index {@value #DEFAULT_INDEX}, 1 shard, 0 replicas, batches of 500, 1 s flushes. */
    public static ElasticsearchConfig forUrl(String url) {
        return new ElasticsearchConfig(List.of(url), DEFAULT_INDEX, null, null, null, null, 1, 0, 500, 1000, 5, 100);
    }

    public ElasticsearchConfig withUrls(List<String> newUrls) {
        return new ElasticsearchConfig(newUrls, index, username, password, apiKey, caCertificate, shards, replicas,
                batchSize, flushIntervalMillis, maxRetries, initialBackoffMillis);
    }

    public ElasticsearchConfig withIndex(String newIndex) {
        return new ElasticsearchConfig(urls, newIndex, username, password, apiKey, caCertificate, shards, replicas,
                batchSize, flushIntervalMillis, maxRetries, initialBackoffMillis);
    }

    public ElasticsearchConfig withBasicAuth(String newUsername, String newPassword) {
        return new ElasticsearchConfig(urls, index, newUsername, newPassword, apiKey, caCertificate, shards,
                replicas, batchSize, flushIntervalMillis, maxRetries, initialBackoffMillis);
    }

    public ElasticsearchConfig withApiKey(String newApiKey) {
        return new ElasticsearchConfig(urls, index, username, password, newApiKey, caCertificate, shards, replicas,
                batchSize, flushIntervalMillis, maxRetries, initialBackoffMillis);
    }

    public ElasticsearchConfig withCaCertificate(String newCaCertificate) {
        return new ElasticsearchConfig(urls, index, username, password, apiKey, newCaCertificate, shards, replicas,
                batchSize, flushIntervalMillis, maxRetries, initialBackoffMillis);
    }

    public ElasticsearchConfig withShardsAndReplicas(int newShards, int newReplicas) {
        return new ElasticsearchConfig(urls, index, username, password, apiKey, caCertificate, newShards,
                newReplicas, batchSize, flushIntervalMillis, maxRetries, initialBackoffMillis);
    }

    public ElasticsearchConfig withBatching(int newBatchSize, long newFlushIntervalMillis) {
        return new ElasticsearchConfig(urls, index, username, password, apiKey, caCertificate, shards, replicas,
                newBatchSize, newFlushIntervalMillis, maxRetries, initialBackoffMillis);
    }

    public ElasticsearchConfig withRetries(int newMaxRetries, long newInitialBackoffMillis) {
        return new ElasticsearchConfig(urls, index, username, password, apiKey, caCertificate, shards, replicas,
                batchSize, flushIntervalMillis, newMaxRetries, newInitialBackoffMillis);
    }

    /** Shown in logs: the password and API key never are. */
    @Override
    public String toString() {
        return "ElasticsearchConfig[urls=" + urls + ", index=" + index
                + ", auth=" + (username != null ? "basic(" + username + ")" : apiKey != null ? "api-key" : "none")
                + ", caCertificate=" + caCertificate + ", shards=" + shards + ", replicas=" + replicas
                + ", batchSize=" + batchSize + ", flushIntervalMillis=" + flushIntervalMillis
                + ", maxRetries=" + maxRetries + ", initialBackoffMillis=" + initialBackoffMillis + "]";
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
