package org.hotline.classify.elasticsearch;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Sends one bulk request of index operations. The seam between the retry logic and the HTTP client. */
interface BulkSender extends AutoCloseable {

    /** One document to index under its deterministic id. */
    record Operation(String id, Map<String, Object> document) {}

    /** Per-item result, in request order; {@code error} is null on success. */
    record ItemResult(String id, int status, String error) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** Too many requests and server errors are worth another try; anything else will fail again. */
        boolean retryable() {
            return status == 429 || status >= 500;
        }
    }

    /** @throws IOException when the request as a whole failed in a way worth retrying */
    List<ItemResult> send(List<Operation> operations) throws IOException;

    @Override
    void close() throws IOException;
}
