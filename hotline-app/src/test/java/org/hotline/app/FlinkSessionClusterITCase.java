package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.app.engines.EmbeddedElasticsearch;
import org.hotline.app.engines.EmbeddedFlinkCluster;
import org.hotline.app.engines.EmbeddedKafka;
import org.hotline.app.engines.EnginesExtension;
import org.hotline.app.engines.Ports;
import org.hotline.classify.ClassifyCommand;
import org.hotline.classify.ClassifyJob;
import org.hotline.classify.elasticsearch.RecordSearch;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.hotline.models.sample.SyntheticDemands;
import org.hotline.models.taxonomy.Taxonomy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded classify job jar on a real Flink session cluster (JobManager and TaskManager in their own JVMs, with
 * only Flink's jars on their classpath), submitted over the REST API as on any standalone cluster, between a real
 * Kafka broker and a real Elasticsearch.
 */
@ExtendWith(EnginesExtension.class)
class FlinkSessionClusterITCase {
    private static final int RECORDS = 200;
    private static final Taxonomy TAXONOMY = SyntheticDemands.withDefaults(7).taxonomy();

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainAModelOnSyntheticDemands() throws Exception {
        model = PipelineFixtures.trainQuickModel(dir);
    }

    @Test
    void theShadedJobJarTagsIntakeRecordsIntoElasticsearch(EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch)
            throws Exception {
        Path jobJar = Path.of(System.getProperty("hotline.jobJar", "../hotline-classify/target/missing-job.jar"));
        assertThat(jobJar).as("the job jar (mvn -pl hotline-classify package builds it)").isRegularFile();
        Map<String, String> settings = PipelineFixtures.settings(kafka, elasticsearch, "flink-session-it", model);
        HotlineConfig config = HotlineConfig.defaults().with(settings);
        List<HotlineRecord> demands = SyntheticDemands.withDefaults(99).generate(RECORDS);
        Path input = writeJsonLines(demands);

        try (EmbeddedFlinkCluster flink = EmbeddedFlinkCluster.builder().workDir(dir)
                .restPort(Ports.findFree()).slots(config.getInt("flink.parallelism")).start()) {
            String jobId = flink.submitJar(jobJar, ClassifyCommand.class.getName(), setArguments(settings));
            try (RecordSearch search = RecordSearch.connect(ClassifyJob.elasticsearch(config))) {
                assertThat(PipelineFixtures.ingest(config, input)).isZero();
                PipelineFixtures.awaitIndexed(search, demands.stream().map(HotlineRecord::id).toList(),
                        Duration.ofMinutes(2));

                assertThat(search.count()).isEqualTo(RECORDS);
                for (Map<String, Object> document : search.allDocuments()) {
                    assertThat(document.get("path")).as("taxonomy path of %s", document.get("id"))
                            .isInstanceOf(List.class)
                            .satisfies(path -> assertThat(TAXONOMY.node(strings(path))).isPresent());
                }
                assertThat(flink.jobState(jobId)).isEqualTo("RUNNING");
            } finally {
                flink.cancel(jobId);
            }
            assertThat(flink.jobState(jobId)).isEqualTo("CANCELED");
        }
    }

    /** Settings as the job's command line: {@code --set key=value} for each. */
    private static List<String> setArguments(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> {
            args.add("--set");
            args.add(key + "=" + value);
        });
        return args;
    }

    private static Path writeJsonLines(List<HotlineRecord> records) throws Exception {
        Path file = dir.resolve("demands.jsonl");
        Files.write(file, records.stream().map(HotlineRecordJson::write).toList(), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
