package org.hotline.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.hotline.ingest.cli.IngestCommand;
import org.hotline.ingest.pipeline.IntakePipeline;
import org.hotline.ingest.pipeline.IntakeSummary;
import org.hotline.ingest.read.RecordReader;
import org.hotline.ingest.read.RecordReaders;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.ingest.template.IntakeValidator;
import org.hotline.ingest.testing.SyntheticIntake;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The ingest command and the library API against a real single-node KRaft broker started in this JVM. */
class IngestKafkaITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTAKE = "it.intake";
    private static final String DEAD = "it.deadletter";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void mixedFileGivesExactlyTheGoodRecordsMaskedAndEveryBadOneAsADeadLetterAndReplaysIdentically()
            throws Exception {
        SyntheticIntake intake = SyntheticIntake.mixed(1000, 42);
        Path input = Files.write(dir.resolve("mixed.jsonl"), intake.bytes());
        KafkaClusterTestKit cluster = startBroker();
        try {
            String bootstrap = cluster.bootstrapServers();

            StringWriter out = new StringWriter();
            int exit = ingestWithCommand(bootstrap, input, out);

            assertThat(exit).isZero();
            JsonNode summary = JSON.readTree(out.toString());
            assertThat(summary.get("accepted").asLong()).isEqualTo(1000);
            assertThat(summary.get("deadLettered").asLong()).isEqualTo(intake.deadLetterCount());
            assertThat(partitionsOf(bootstrap, INTAKE)).isEqualTo(2);

            List<ConsumerRecord<String, byte[]>> accepted = readAll(bootstrap, INTAKE);
            assertThat(accepted).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrderElementsOf(intake.goodIds());
            for (ConsumerRecord<String, byte[]> message : accepted) {
                String value = new String(message.value(), StandardCharsets.UTF_8);
                HotlineRecord record = HotlineRecordJson.read(value);
                assertThat(record.id()).isEqualTo(message.key());
                assertThat(intake.rawPii()).noneMatch(value::contains);
            }

            List<ConsumerRecord<String, byte[]>> deadLetters = readAll(bootstrap, DEAD);
            assertThat(deadLetters).hasSize(intake.deadLetterCount());
            Map<String, Integer> reasons = new TreeMap<>();
            for (ConsumerRecord<String, byte[]> message : deadLetters) {
                JsonNode deadLetter = JSON.readTree(message.value());
                reasons.merge(deadLetter.get("reason").asText(), 1, Integer::sum);
                assertThat(deadLetter.get("source").asText()).isEqualTo(input.toString());
                assertThat(deadLetter.get("line").asLong()).isPositive();
                assertThat(deadLetter.get("message").asText()).isNotBlank();
            }
            assertThat(reasons).isEqualTo(intake.expectedReasons());

            IntakeSummary replay = ingestWithLibrary(bootstrap, input);

            assertThat(replay.accepted()).isEqualTo(1000);
            List<ConsumerRecord<String, byte[]>> acceptedTwice = readAll(bootstrap, INTAKE);
            assertThat(acceptedTwice).hasSize(2000);
            assertSameBytesPerKey(acceptedTwice);
            List<ConsumerRecord<String, byte[]>> deadLettersTwice = readAll(bootstrap, DEAD);
            assertThat(deadLettersTwice).hasSize(2 * intake.deadLetterCount());
            assertSameBytesPerKey(deadLettersTwice);
        } finally {
            cluster.close();
        }
    }

    private static KafkaClusterTestKit startBroker() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build())
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    private static int ingestWithCommand(String bootstrap, Path input, StringWriter out) {
        CommandLine cli = new CommandLine(new IngestCommand());
        cli.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("--bootstrap-servers", bootstrap, "--topic", INTAKE, "--dead-letter-topic", DEAD,
                "--partitions", "2", "--json-summary", input.toString());
        assertThat(err.toString()).as("stderr").doesNotContain("Exception");
        return exit;
    }

    /** The replay goes through the library API the demo uses, with the command's defaults. */
    private static IntakeSummary ingestWithLibrary(String bootstrap, Path input) throws Exception {
        KafkaSinkSettings settings = new KafkaSinkSettings(bootstrap, INTAKE, DEAD, 2, (short) 1,
                Duration.ofSeconds(30), Map.of());
        try (KafkaRecordSink sink = KafkaRecordSink.open(settings, DeadLetterEncoder.safeDefault());
                RecordReader reader = RecordReaders.open(input.toString(), null, ',', 300_000)) {
            return new IntakePipeline(IntakeValidator.forTemplate(), sink).run(reader);
        }
    }

    private static void assertSameBytesPerKey(List<ConsumerRecord<String, byte[]>> messages) {
        Map<String, List<String>> valuesByKey = messages.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(m -> new String(m.value(), StandardCharsets.UTF_8),
                        Collectors.toList())));
        assertThat(valuesByKey.values()).allSatisfy(values -> {
            assertThat(values).hasSize(2);
            assertThat(values.get(1)).isEqualTo(values.get(0));
        });
    }

    private static int partitionsOf(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().size();
        }
    }

    /** Every message of the topic up to its current end (the producer has flushed before this is called). */
    private static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("reading " + topic + " in time").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }
}
