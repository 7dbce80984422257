package org.hotline.classify.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** Read-side helpers over the record index for the demo and the tests. */
public final class RecordSearch implements AutoCloseable {
    private static final int PAGE_SIZE = 1000;

    private final ElasticsearchClient client;
    private final String index;

    public RecordSearch(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    public static RecordSearch connect(ElasticsearchConfig config) {
        return new RecordSearch(ElasticsearchClients.connect(config), config.index());
    }

    /** False until the sink (or {@link RecordIndex#ensureExists()}) has created the index. */
    public boolean indexExists() throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }

    /** Makes every indexed document visible to search now instead of within the next second. */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(index));
    }

    public long count() throws IOException {
        return client.count(c -> c.index(index)).count();
    }

    /** Documents whose keyword (or boolean) {@code field} holds {@code value}; for arrays, any element. */
    public long countWhere(String field, String value) throws IOException {
        return client.count(c -> c.index(index).query(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))))
                .count();
    }

    /** Documents that have {@code field} (for an array field: at least one element). */
    public long countWithField(String field) throws IOException {
        return client.count(c -> c.index(index).query(q -> q.exists(e -> e.field(field)))).count();
    }

    /** How many of {@code ids} are indexed (asked in chunks, so any number of ids works). */
    public long countIds(List<String> ids) throws IOException {
        long found = 0;
        for (int from = 0; from < ids.size(); from += 10_000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 10_000));
            found += client.count(c -> c.index(index).query(q -> q.ids(i -> i.values(chunk)))).count();
        }
        return found;
    }

    /**
     * Polls until {@code expected} of {@code ids} are searchable or {@code timeout} passes; returns how many were
     * found last. {@code progress} hears each count (a progress bar, or nothing).
     */
    public long awaitIds(List<String> ids, long expected, Duration timeout, LongConsumer progress)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            refresh();
            long found = countIds(ids);
            progress.accept(found);
            if (found >= expected || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(500);
        }
    }

    /**
     * Ids of the documents whose HanLP tokens contain every whitespace-separated token of {@code query}, best
     * first, at most 100.
     */
    public List<String> searchTokens(String query) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(index).size(100).source(src -> src.fetch(false))
                .query(q -> q.match(m -> m.field("tokens").query(query).operator(Operator.And))), Void.class);
        List<String> ids = new ArrayList<>();
        for (Hit<Void> hit : response.hits().hits()) {
            ids.add(hit.id());
        }
        return ids;
    }

    /** Every document's source, paged in id order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Map<String, Object>> allDocuments() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Map> page = client.search(s -> {
                s.index(index).size(PAGE_SIZE).sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (!searchAfter.isEmpty()) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, Map.class);
            List<Hit<Map>> hits = page.hits().hits();
            for (Hit<Map> hit : hits) {
                documents.add((Map<String, Object>) hit.source());
            }
            if (hits.size() < PAGE_SIZE) {
                return documents;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** Every string value of every document, nested ones included: what a PII check must scan. */
    public List<String> allStringValues() throws IOException {
        List<String> values = new ArrayList<>();
        for (Map<String, Object> document : allDocuments()) {
            collectStrings(document, values);
        }
        return values;
    }

    static void collectStrings(Object value, List<String> out) {
        if (value instanceof String text) {
            out.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectStrings(v, out));
        } else if (value instanceof Iterable<?> list) {
            list.forEach(v -> collectStrings(v, out));
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
