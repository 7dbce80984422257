package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline.app.engines.EmbeddedElasticsearch;
import org.hotline.app.engines.EmbeddedKafka;
import org.hotline.app.engines.EnginesExtension;
import org.hotline.classify.ClassifyJob;
import org.hotline.classify.elasticsearch.RecordSearch;
import org.hotline.classify.functions.ModelTaggers;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.hotline.models.sample.SyntheticDemands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline end to end on real engines, as a user runs it: the ingest CLI reads a file into a real Kafka
 * broker, the classify job runs on a Flink MiniCluster, records land in a real Elasticsearch.
 */
@ExtendWith(EnginesExtension.class)
class PipelineITCase {
    private static final int GOOD = 1000;
    private static final Pattern RAW_PII = Pattern.compile(
            "1[3-9]\\d{9}|\\d{17}[\\dXx]|[\\w.+-]+@[\\w-]+\\.[\\w.]+|0\\d{2,3}-\\d{7,8}");

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainAModelOnSyntheticDemands() throws Exception {
        model = PipelineFixtures.trainQuickModel(dir);
    }

    @Test
    void goodRecordsAreIndexedMaskedAndTaggedBadOnesDeadLetteredAndReplaysChangeNothing(
            EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch) throws Exception {
        HotlineConfig config = HotlineConfig.defaults()
                .with(PipelineFixtures.settings(kafka, elasticsearch, "pipeline-it", model));
        List<HotlineRecord> good = SyntheticDemands.withDefaults(99)
                .generate(GOOD);
        Path input = writeInputWithMalformedRecords(good);
        Set<String> rawPii = rawPiiIn(input);
        assertThat(rawPii).as("the input must carry PII for this test to mean anything").hasSizeGreaterThan(20);

        ClassifyJob.prepare(config);
        JobClient job = ClassifyJob.wire(config, ModelTaggers.forConfig(config))
                .start(ClassifyJob.environment(config));
        try (RecordSearch search = RecordSearch.connect(ClassifyJob.elasticsearch(config))) {
            assertThat(PipelineFixtures.ingest(config, input)).isZero();
            List<String> ids = good.stream().map(HotlineRecord::id).toList();
            PipelineFixtures.awaitIndexed(search, ids, Duration.ofMinutes(4));

            assertThat(search.count()).isEqualTo(GOOD);
            assertThat(search.countWithField("path")).isEqualTo(GOOD);
            for (String value : search.allStringValues()) {
                for (String pii : rawPii) {
                    assertThat(value).doesNotContain(pii);
                }
            }
            assertThat(deadLetterReasons(config)).containsExactlyInAnyOrder(
                    "blank_content", "bad_time", "wrong_type", "invalid_utf8", "oversize", "duplicate_id",
                    "not_json");

            assertThat(PipelineFixtures.ingest(config, input)).isZero();
            awaitConsumed(config, Duration.ofMinutes(2));
            search.refresh();
            assertThat(search.count()).as("a replayed file adds no document").isEqualTo(GOOD);
            assertThat(countTagged(config)).as("a replayed file adds nothing to the tagged topic").isEqualTo(GOOD);
        } finally {
            job.cancel().get();
        }
    }

    /** The good records as JSON lines, with one malformed record of each kind mixed in. */
    private static Path writeInputWithMalformedRecords(List<HotlineRecord> good) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < good.size(); i++) {
            out.write((HotlineRecordJson.write(good.get(i)) + "\n").getBytes(StandardCharsets.UTF_8));
            switch (i) {
                case 100 -> line(out, "{\"id\":\"bad-1\",\"receivedAt\":\"2026-03-01T08:00:00+08:00\",\"content\":\"   \"}");
                case 200 -> line(out, "{\"id\":\"bad-2\",\"receivedAt\":\"yesterday\",\"content\":\"路灯坏了\"}");
                case 300 -> line(out, "{\"id\":\"bad-3\",\"receivedAt\":\"2026-03-01T08:00:00+08:00\",\"content\":12345}");
                case 400 -> {
                    out.write("{\"id\":\"bad-4\",\"receivedAt\":\"2026-03-01T08:00:00+08:00\",\"content\":\"".getBytes(
                            StandardCharsets.UTF_8));
                    out.write(new byte[] {(byte) 0xE4, (byte) 0xB8, 0x41, (byte) 0xFF});
                    line(out, "\"}");
                }
                case 500 -> line(out, "{\"id\":\"bad-5\",\"receivedAt\":\"2026-03-01T08:00:00+08:00\",\"content\":\""
                        + "噪".repeat(350_000) + "\"}");
                case 600 -> line(out, HotlineRecordJson.write(good.get(0)));
                case 700 -> line(out, "this is not json");
                default -> { }
            }
        }
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> rawPiiIn(Path file) throws Exception {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = RAW_PII.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Waits until the job's consumer group has committed the end of the intake topic, then one checkpoint more. */
    private static void awaitConsumed(HotlineConfig config, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get("kafka.bootstrap")))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(config.get("kafka.group")).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(config.get("kafka.topic.intake"))).allTopicNames().get()
                        .forEach((topic, d) -> d.partitions().forEach(
                                p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
                var ends = admin.listOffsets(latest).all().get();
                boolean done = ends.entrySet().stream().allMatch(e -> committed.containsKey(e.getKey())
                        && committed.get(e.getKey()).offset() >= e.getValue().offset());
                if (done) {
                    Thread.sleep(3 * config.getInt("flink.checkpointMillis"));
                    return;
                }
                Thread.sleep(500);
            }
            throw new AssertionError("the classify job did not consume the intake topic within " + timeout);
        }
    }

    private static List<String> deadLetterReasons(HotlineConfig config) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, String> r : readAll(config, config.get("kafka.topic.deadletter"))) {
            JsonNode message = json.readTree(r.value());
            assertThat(message.path("message").asText()).isNotBlank();
            reasons.add(message.path("reason").asText());
        }
        return reasons;
    }

    private static long countTagged(HotlineConfig config) {
        return readAll(config, config.get("kafka.topic.tagged")).size();
    }

    /** Every committed record of a topic, read until it has been quiet for three seconds. */
    private static List<ConsumerRecord<String, String>> readAll(HotlineConfig config, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "pipeline-it-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < 3_000_000_000L) {
                var batch = consumer.poll(Duration.ofMillis(300));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }
}
