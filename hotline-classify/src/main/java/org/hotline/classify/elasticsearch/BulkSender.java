package org.hotline.classify.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Sends one bulk request of operations. The seam between the retry logic and the HTTP client. */
public interface BulkSender extends AutoCloseable {

    /** A sender over the Java API client, writing to {@code index}; closing it closes the client. */
    static BulkSender over(ElasticsearchClient client, String index) {
        return new ElasticsearchBulkSender(client, index);
    }

    /**
     * One bulk action on a document with a deterministic id. {@code INDEX} writes the whole document, {@code CREATE}
     * only when the id is new (409 otherwise), {@code UPDATE} merges a partial document into an existing one.
     */
    record Operation(Type type, String id, Map<String, Object> document) {
        public enum Type { INDEX, CREATE, UPDATE }

        public Operation {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
        }

        /** An index operation: the whole document under its id. */
        public Operation(String id, Map<String, Object> document) {
            this(Type.INDEX, id, document);
        }
    }

    /** Per-item result, in request order; {@code error} is null on success. */
    record ItemResult(String id, int status, String error) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** Too many requests and server errors are worth another try; anything else will fail again. */
        public boolean retryable() {
            return status == 429 || status >= 500;
        }
    }

    /** @throws IOException when the request as a whole failed in a way worth retrying */
    List<ItemResult> send(List<Operation> operations) throws IOException;

    @Override
    void close() throws IOException;
}
