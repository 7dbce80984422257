package org.hotline.web.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.classify.elasticsearch.ElasticsearchClients;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;
import org.hotline.web.domain.SimilarCase;
import org.hotline.web.domain.SimilarCases;
import org.hotline.web.domain.TrendQuery;
import org.hotline.web.domain.TrendSource;
import org.hotline.web.domain.Trends;

/**
 * The web's reads of the {@code hotline-records} index (mapping in hotline-classify's RecordIndex): similar past
 * cases by their HanLP tokens, and daily counts per taxonomy level. Core query features only (no scripts, no
 * analysis plugins), so it runs on any cluster the pipeline writes to.
 */
public final class RecordQueries implements SimilarCases, TrendSource, AutoCloseable {
    private static final int SNIPPET_CHARS = 140;
    private static final int MAX_QUERY_TERMS = 40;
    /** A past case must share this share of the demand's most telling words: fewer is noise. */
    private static final String MINIMUM_SHOULD_MATCH = "30%";
    private static final List<String> CASE_FIELDS =
            List.of("id", "title", "content", "path", "district", "receivedAt", "reply");

    private final ElasticsearchClient client;
    private final String index;
    private final ZoneId zone;
    private final Clock clock;

    /** @param zone where days are cut (the alert job's {@code alerts.zone}) */
    public RecordQueries(ElasticsearchClient client, String index, ZoneId zone, Clock clock) {
        this.client = client;
        this.index = index;
        this.zone = zone;
        this.clock = clock;
    }

    public static RecordQueries connect(ElasticsearchConfig config, ZoneId zone) {
        return new RecordQueries(ElasticsearchClients.connect(config), config.index(), zone, Clock.systemUTC());
    }

    /**
     * {@code more_like_this} on the whitespace-analysed tokens: it keeps the demand's words that are rare in the
     * index (tf-idf), so a long demand is matched on what it is about rather than on 的 and 问题.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public List<SimilarCase> find(List<String> tokens, int size) throws IOException {
        String like = String.join(" ", tokens);
        SearchResponse<Map> response = client.search(s -> s.index(index).ignoreUnavailable(true).size(size)
                .source(src -> src.filter(f -> f.includes(CASE_FIELDS)))
                .query(q -> q.moreLikeThis(m -> m.fields("tokens").like(l -> l.text(like))
                        .minTermFreq(1).minDocFreq(1).maxQueryTerms(MAX_QUERY_TERMS)
                        .minimumShouldMatch(MINIMUM_SHOULD_MATCH))), Map.class);
        List<SimilarCase> cases = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            cases.add(similarCase(hit.id(), hit.score() == null ? 0 : hit.score(), hit.source()));
        }
        return cases;
    }

    private static SimilarCase similarCase(String id, double score, Map<?, ?> source) {
        return new SimilarCase(id, score, string(source, "title"), snippet(string(source, "content")),
                strings(source.get("path")), string(source, "district"), string(source, "receivedAt"),
                reply(source.get("reply")));
    }

    private static SimilarCase.Reply reply(Object value) {
        if (!(value instanceof Map<?, ?> reply) || string(reply, "text") == null) {
            return null;
        }
        return new SimilarCase.Reply(string(reply, "text"), string(reply, "repliedAt"), string(reply, "department"));
    }

    static String snippet(String content) {
        if (content == null || content.length() <= SNIPPET_CHARS) {
            return content;
        }
        return content.substring(0, SNIPPET_CHARS) + "…";
    }

    /**
     * A {@code terms} aggregation on the level's keyword field ({@code level1}…{@code level3}, written by
     * RecordDocument) with a daily {@code date_histogram} under each node, in the city's zone.
     */
    @Override
    public Trends trends(TrendQuery query) throws IOException {
        LocalDate to = query.to() != null ? query.to()
                : newestDay(query.district()).orElse(LocalDate.now(clock.withZone(zone)));
        LocalDate from = to.minusDays(query.days() - 1L);
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("receivedAt").format("yyyy-MM-dd")
                .timeZone(zone.getId()).gte(from.toString()).lt(to.plusDays(1).toString())))));
        districtFilter(query.district()).ifPresent(filters::add);
        SearchResponse<Void> response = client.search(s -> s.index(index).ignoreUnavailable(true).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("nodes", a -> a.terms(t -> t.field("level" + query.level()).size(query.top()))
                        .aggregations("days", d -> d.dateHistogram(h -> h.field("receivedAt")
                                .calendarInterval(CalendarInterval.Day).timeZone(zone.getId())
                                .format("yyyy-MM-dd")))), Void.class);
        List<String> dates = from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toList();
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        return new Trends(query.level(), from.toString(), to.toString(), query.district(), dates,
                series(response.aggregations().get("nodes"), dates), total, 0);
    }

    private static List<Trends.Series> series(Aggregate nodes, List<String> dates) {
        List<Trends.Series> series = new ArrayList<>();
        if (nodes == null) {
            return series; // no index yet
        }
        Map<String, Integer> dayIndex = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            dayIndex.put(dates.get(i), i);
        }
        for (StringTermsBucket node : nodes.sterms().buckets().array()) {
            Long[] counts = new Long[dates.size()];
            Arrays.fill(counts, 0L);
            for (DateHistogramBucket day : node.aggregations().get("days").dateHistogram().buckets().array()) {
                Integer at = dayIndex.get(day.keyAsString());
                if (at != null) {
                    counts[at] = day.docCount();
                }
            }
            series.add(new Trends.Series(node.key().stringValue(), node.docCount(), List.of(counts)));
        }
        return series;
    }

    /** The day (city time) of the newest record, so a dashboard over old or synthetic data is not empty. */
    @SuppressWarnings("rawtypes")
    private Optional<LocalDate> newestDay(String district) throws IOException {
        List<Query> filters = new ArrayList<>();
        districtFilter(district).ifPresent(filters::add);
        SearchResponse<Map> response = client.search(s -> s.index(index).ignoreUnavailable(true).size(1)
                .source(src -> src.filter(f -> f.includes("receivedAt")))
                .query(q -> q.bool(b -> b.filter(filters).must(m -> m.exists(e -> e.field("receivedAt")))))
                .sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc))), Map.class);
        return response.hits().hits().stream().findFirst()
                .map(hit -> string(hit.source(), "receivedAt"))
                .map(time -> OffsetDateTime.parse(time).atZoneSameInstant(zone).toLocalDate());
    }

    private static Optional<Query> districtFilter(String district) {
        return Optional.ofNullable(district)
                .map(name -> Query.of(q -> q.term(t -> t.field("district").value(FieldValue.of(name)))));
    }

    private static String string(Map<?, ?> source, String field) {
        Object value = source == null ? null : source.get(field);
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
