package org.hotline.classify.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@link BulkSender} over the Elasticsearch Java API client. */
final class ElasticsearchBulkSender implements BulkSender {
    private final ElasticsearchClient client;
    private final String index;

    ElasticsearchBulkSender(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public List<ItemResult> send(List<Operation> operations) throws IOException {
        BulkRequest.Builder request = new BulkRequest.Builder().index(index);
        for (Operation operation : operations) {
            switch (operation.type()) {
                case INDEX -> request.operations(op -> op.index(i -> i.id(operation.id())
                        .document(operation.document())));
                case CREATE -> request.operations(op -> op.create(c -> c.id(operation.id())
                        .document(operation.document())));
                case UPDATE -> request.operations(op -> op.update(u -> u.id(operation.id())
                        .action(a -> a.doc(operation.document()))));
            }
        }
        BulkResponse response;
        try {
            response = client.bulk(request.build());
        } catch (ElasticsearchException e) {
            if (e.status() == 429 || e.status() >= 500) {
                throw new IOException("bulk request rejected with " + e.status() + ": " + e.getMessage(), e);
            }
            throw e;
        }
        List<ItemResult> results = new ArrayList<>(response.items().size());
        for (BulkResponseItem item : response.items()) {
            results.add(new ItemResult(item.id(), item.status(), describe(item.error())));
        }
        return results;
    }

    private static String describe(ErrorCause error) {
        return error == null ? null : error.type() + ": " + error.reason();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
