package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.hotline.classify.elasticsearch.BulkRecordWriter;
import org.hotline.classify.elasticsearch.ElasticsearchClients;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;
import org.hotline.classify.elasticsearch.ElasticsearchRecordSink;
import org.hotline.classify.elasticsearch.FailedDocument;
import org.hotline.classify.elasticsearch.RecordIndex;
import org.hotline.classify.elasticsearch.RecordSearch;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.classify.serde.JsonTypeInfo;
import org.hotline.models.classifier.Suggestion;
import org.hotline.models.records.Caller;
import org.hotline.models.records.Channel;
import org.hotline.models.records.GeoPoint;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EnginesExtension.class)
class ElasticsearchSinkITCase {
    private ElasticsearchConfig config;

    @BeforeEach
    void freshIndex(EmbeddedElasticsearch es) {
        config = ElasticsearchConfig.forUrl(es.httpUrl()).withIndex("records-" + UUID.randomUUID());
    }

    @Test
    void indexesRecordsOnceHoweverOftenTheyAreReplayed() throws Exception {
        List<TaggedRecord> records = List.of(
                tagged("r-1", "小区夜间施工噪音扰民", "小区 夜间 施工 噪音 扰民", List.of("城乡建设", "建筑施工", "夜间施工")),
                tagged("r-2", "路灯不亮影响出行", "路灯 不 亮 影响 出行", List.of("城乡建设", "市政设施", "路灯")),
                tagged("r-3", "噪音太大无法休息", "噪音 太 大 无法 休息", List.of("生态环境", "噪声污染")));
        List<FailedDocument> failures = new ArrayList<>();

        try (BulkRecordWriter writer = BulkRecordWriter.open(config, failures::add);
             RecordSearch search = RecordSearch.connect(config)) {
            assertThat(writer.write(records).indexed()).isEqualTo(3);
            writer.write(records);
            writer.write(records.subList(0, 1));
            search.refresh();

            assertThat(search.count()).isEqualTo(3);
            assertThat(search.countWhere("path", "城乡建设")).isEqualTo(2);
            assertThat(search.countWhere("level2", "噪声污染")).isEqualTo(1);
            assertThat(search.countWhere("leaf", "路灯")).isEqualTo(1);
            assertThat(search.searchTokens("噪音")).containsExactlyInAnyOrder("r-1", "r-3");
            assertThat(search.searchTokens("夜间 施工")).containsExactly("r-1");
            assertThat(search.searchTokens("施工噪音")).isEmpty();
            assertThat(search.allStringValues()).contains("138****5678", "和平里小区", "区住建委");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void createsTheIndexWithTheExplicitMapping() throws Exception {
        try (BulkRecordWriter writer = BulkRecordWriter.open(config, failed -> { });
             ElasticsearchClient client = ElasticsearchClients.connect(config)) {
            writer.write(List.of(tagged("r-1", "文本", "文本", List.of("a", "b"))));

            Map<String, Property> properties =
                    client.indices().getMapping(m -> m.index(config.index())).get(config.index()).mappings()
                            .properties();
            assertThat(properties.get("path").isKeyword()).isTrue();
            assertThat(properties.get("tokens").text().analyzer()).isEqualTo("whitespace");
            assertThat(properties.get("location").isGeoPoint()).isTrue();
            assertThat(properties.get("receivedAt").isDate()).isTrue();
            // The path is a value, never a field name: no field was added for a taxonomy node.
            assertThat(properties).doesNotContainKeys("a", "b");
            String replicas = client.indices().getSettings(s -> s.index(config.index())).get(config.index())
                    .settings().index().numberOfReplicas();
            assertThat(replicas).isEqualTo("0");
        }
    }

    @Test
    void anIndexMadeByAnOlderVersionGetsTheFieldsThisVersionAdded() throws Exception {
        ObjectNode olderMappings = RecordIndex.mappings().deepCopy();
        ((ObjectNode) olderMappings.get("properties")).remove("reply");
        List<FailedDocument> failures = new ArrayList<>();
        try (ElasticsearchClient client = ElasticsearchClients.connect(config)) {
            client.indices().create(c -> c.index(config.index()).withJson(
                    new StringReader(RecordIndex.createIndexBody(1, 0, olderMappings))));
        }
        TaggedRecord replied = withReply(tagged("r-1", "路灯不亮", "路灯 不 亮", List.of("城乡建设")),
                new Reply("已安排维修", OffsetDateTime.parse("2024-03-02T10:00:00+08:00"), "区城管局"));

        try (BulkRecordWriter writer = BulkRecordWriter.open(config, failures::add);
             RecordSearch search = RecordSearch.connect(config)) {
            assertThat(writer.write(List.of(replied)).indexed()).isEqualTo(1);
            search.refresh();
            assertThat(search.count()).isEqualTo(1);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anIndexWithAConflictingMappingIsRefusedWithWhatToDo() throws Exception {
        ObjectNode conflicting = RecordIndex.mappings().deepCopy();
        ((ObjectNode) conflicting.get("properties")).putObject("tokens").put("type", "keyword");
        try (ElasticsearchClient client = ElasticsearchClients.connect(config)) {
            client.indices().create(c -> c.index(config.index()).withJson(
                    new StringReader(RecordIndex.createIndexBody(1, 0, conflicting))));

            assertThatThrownBy(() -> new RecordIndex(client, config).ensureExists())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("index " + config.index() + " exists with a mapping")
                    .hasMessageContaining("[tokens]")
                    .hasMessageContaining("reindex");
        }
    }

    @Test
    void handsARecordTheIndexRefusesToTheFailureListener() throws Exception {
        // Lucene refuses a keyword term over 32766 bytes: a permanent per-item failure.
        String hugeStreet = "街".repeat(12_000);
        TaggedRecord refused = withStreet(tagged("bad", "文本", "文本", List.of("a")), hugeStreet);
        List<FailedDocument> failures = new ArrayList<>();

        try (BulkRecordWriter writer = BulkRecordWriter.open(config, failures::add);
             RecordSearch search = RecordSearch.connect(config)) {
            BulkRecordWriter.BulkResult result =
                    writer.write(List.of(tagged("good", "文本", "文本", List.of("a")), refused));
            search.refresh();

            assertThat(result).isEqualTo(new BulkRecordWriter.BulkResult(1, 1));
            assertThat(search.count()).isEqualTo(1);
        }
        assertThat(failures).singleElement().satisfies(failed -> {
            assertThat(failed.record().id()).isEqualTo("bad");
            assertThat(failed.status()).isEqualTo(400);
            assertThat(failed.reason()).startsWith("document_parsing_exception").contains("[street]");
        });
    }

    @Test
    void aFlinkJobWritesThroughTheSink() throws Exception {
        List<TaggedRecord> records = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            records.add(tagged("job-" + i, "诉求" + i, "诉求 " + i, List.of("城乡建设", "市政设施")));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(JsonTypeInfo.of(TaggedRecord.class), records.toArray(TaggedRecord[]::new))
                .sinkTo(new ElasticsearchRecordSink(config.withBatching(10, 1000)));

        env.execute("elasticsearch sink test");

        try (RecordSearch search = RecordSearch.connect(config)) {
            search.refresh();
            assertThat(search.count()).isEqualTo(25);
            assertThat(search.countWhere("level2", "市政设施")).isEqualTo(25);
        }
    }

    @Test
    void aSlowStreamIsIndexedWithoutWaitingForAFullBatchOrACheckpoint() throws Exception {
        // Two records a second, batches of 500, no checkpoints: only the sink's flush timer can send them.
        DataGeneratorSource<TaggedRecord> slowSource = new DataGeneratorSource<>(
                i -> tagged("slow-" + i, "诉求", "诉求", List.of("城乡建设")), 1_000,
                RateLimiterStrategy.perSecond(2), JsonTypeInfo.of(TaggedRecord.class));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSource(slowSource, WatermarkStrategy.noWatermarks(), "slow")
                .sinkTo(new ElasticsearchRecordSink(config.withBatching(500, 1000)));

        JobClient job = env.executeAsync("slow stream");
        try (RecordSearch search = RecordSearch.connect(config)) {
            long indexed = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (indexed < 3 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                indexed = search.indexExists() ? refreshedCount(search) : 0;
            }
            assertThat(indexed).isGreaterThanOrEqualTo(3);
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
    }

    private static long refreshedCount(RecordSearch search) throws IOException {
        search.refresh();
        return search.count();
    }

    private static TaggedRecord tagged(String id, String content, String tokens, List<String> path) {
        HotlineRecord record = new HotlineRecord(id, OffsetDateTime.parse("2024-03-01T08:30:00+08:00"), null,
                content, Channel.PHONE, "东城区", "和平里街道", "和平里小区", new GeoPoint(39.95, 116.42),
                new Caller("138****5678", "张*"), false, List.of());
        return new TaggedRecord(record, tokens, List.of(new Suggestion(path, 0.8)), false, "区住建委", "test-model",
                Instant.parse("2024-03-01T00:30:05Z"));
    }

    private static TaggedRecord withReply(TaggedRecord tagged, Reply reply) {
        return new TaggedRecord(tagged.record().withReply(reply), tagged.tokens(), tagged.suggestions(),
                tagged.needsReview(), tagged.department(), tagged.modelVersion(), tagged.taggedAt());
    }

    private static TaggedRecord withStreet(TaggedRecord tagged, String street) {
        HotlineRecord r = tagged.record();
        HotlineRecord changed = new HotlineRecord(r.id(), r.receivedAt(), r.title(), r.content(), r.channel(),
                r.district(), street, r.address(), r.location(), r.caller(), r.enterprise(), r.labels());
        return new TaggedRecord(changed, tagged.tokens(), tagged.suggestions(), tagged.needsReview(),
                tagged.department(), tagged.modelVersion(), tagged.taggedAt());
    }
}
