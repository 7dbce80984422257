package org.hotline.alerts.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.elasticsearch.client.ResponseException;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.classify.elasticsearch.ElasticsearchClients;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;

/**
 * Reads alerts and moves them through their lifecycle (open → acknowledged → resolved, and reopen). A status change
 * reads the alert, checks the transition, and writes a partial document conditioned on the version it read
 * ({@code if_seq_no}/{@code if_primary_term}): if anyone (an analyst, the job seeing it again) changed the alert in
 * between, the change is refused rather than lost.
 */
public final class AlertStore implements AutoCloseable {
    public static final int MAX_LIST = 10_000;

    private final ElasticsearchClient client;
    private final String index;
    private final Clock clock;

    public AlertStore(ElasticsearchClient client, String index, Clock clock) {
        this.client = client;
        this.index = index;
        this.clock = clock;
    }

    /** Over the configured cluster; {@code config.index()} is the alert index. */
    public static AlertStore connect(ElasticsearchConfig config) {
        return new AlertStore(ElasticsearchClients.connect(config), config.index(), Clock.systemUTC());
    }

    /** Which alerts to list; null fields do not filter. */
    public record Filter(AlertStatus status, AlertKind kind, LocalDate since, int limit) {
        public Filter {
            if (limit < 1 || limit > MAX_LIST) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST + ", was " + limit);
            }
        }

        public static Filter all() {
            return new Filter(null, null, null, 100);
        }
    }

    public Optional<StoredAlert> get(String id) throws IOException {
        try {
            GetResponse<Map> response = client.get(g -> g.index(index).id(id), Map.class);
            if (!response.found()) {
                return Optional.empty();
            }
            return Optional.of(StoredAlert.from(response.id(), response.source(), response.seqNo(),
                    response.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty(); // no alert index yet
            }
            throw e;
        }
    }

    /** Alerts matching the query, newest window first, then by score. */
    public List<StoredAlert> list(Filter query) throws IOException {
        List<Query> filters = filters(query);
        SearchResponse<Map> response = client.search(s -> s.index(index)
                .ignoreUnavailable(true)
                .size(query.limit())
                .seqNoPrimaryTerm(true)
                .query(q -> q.bool(b -> b.filter(filters)))
                .sort(o -> o.field(f -> f.field("windowEnd").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("score").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), Map.class);
        List<StoredAlert> alerts = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            alerts.add(StoredAlert.from(hit.id(), hit.source(), hit.seqNo(), hit.primaryTerm()));
        }
        return alerts;
    }

    /** How many alerts match the query, however many there are ({@code limit} does not apply); 0 without an index. */
    public long count(Filter query) throws IOException {
        List<Query> filters = filters(query);
        return client.count(c -> c.index(index).ignoreUnavailable(true)
                .query(q -> q.bool(b -> b.filter(filters)))).count();
    }

    private static List<Query> filters(Filter query) {
        List<Query> filters = new ArrayList<>();
        if (query.status() != null) {
            filters.add(Query.of(q -> q.term(
                    t -> t.field("status").value(query.status().wireName()))));
        }
        if (query.kind() != null) {
            filters.add(Query.of(q -> q.term(
                    t -> t.field("kind").value(query.kind().name()))));
        }
        if (query.since() != null) {
            filters.add(Query.of(q -> q.range(
                    r -> r.date(d -> d.field("windowEnd").gte(query.since().toString())))));
        }
        return filters;
    }

    /**
     * Moves alert {@code id} through {@code transition}, recording who and why.
     *
     * @throws IllegalArgumentException       when there is no such alert
     * @throws IllegalStateException           when the transition is not allowed from the alert's status
     * @throws ConcurrentModificationException when the alert changed between reading and writing it
     */
    public StoredAlert transition(String id, AlertStatus.Transition transition, String by, String note)
            throws IOException {
        StoredAlert current = get(id).orElseThrow(
                () -> new IllegalArgumentException("no alert with id " + id + " in index " + index));
        return transition(current, transition, by, note);
    }

    /** As {@link #transition(String, AlertStatus.Transition, String, String)}, from a version already read. */
    public StoredAlert transition(StoredAlert current, AlertStatus.Transition transition, String by, String note)
            throws IOException {
        if (!transition.allowedFrom(current.status())) {
            throw new IllegalStateException("cannot " + transition.verb() + " alert " + current.id() + ": it is "
                    + current.status().wireName()
                    + (current.statusBy() != null && !current.statusBy().isEmpty()
                            ? " (by " + current.statusBy() + " at " + current.updatedAt() + ")" : ""));
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("status", transition.target().wireName());
        change.put("statusBy", by == null ? "" : by);
        change.put("statusNote", note == null ? "" : note);
        change.put("updatedAt", clock.instant().toString());
        try {
            client.update(u -> u.index(index).id(current.id())
                    .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm())
                    .refresh(Refresh.WaitFor)
                    .doc(change), Map.class);
        } catch (ElasticsearchException | IOException e) {
            if (isVersionConflict(e)) {
                throw new ConcurrentModificationException("alert " + current.id() + " changed while it was being "
                        + transition.target().wireName() + "; look at it again and retry", e);
            }
            throw e;
        }
        return get(current.id()).orElseThrow();
    }

    /**
     * A 409 from the version check. Depending on the endpoint the client reports it as an ElasticsearchException or
     * as the low-level client's ResponseException (an IOException), possibly wrapped.
     */
    static boolean isVersionConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException es && es.status() == 409) {
                return true;
            }
            if (t instanceof ResponseException response && response.getResponse().getStatusLine().getStatusCode() == 409) {
                return true;
            }
        }
        return false;
    }

    /** Makes recent writes visible to {@link #list} (tests; the CLI's own changes wait for a refresh already). */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(index));
    }

    public String index() {
        return index;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
