package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.StoredAlert;
import org.hotline.alerts.job.AlertJob;
import org.hotline.alerts.job.AlertJobCommand;
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
import org.hotline.models.sample.Gazetteer;
import org.hotline.models.sample.Surge;
import org.hotline.models.sample.SyntheticDemands;
import org.hotline.models.taxonomy.Taxonomy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jars on a real Flink session cluster (JobManager and TaskManager in their own JVMs, with only
 * Flink's jars on their classpath), submitted over the REST API as on any standalone cluster, between a real Kafka
 * broker and a real Elasticsearch: the classify job tags the records, then the alert job catches up over them.
 */
@ExtendWith(EnginesExtension.class)
class FlinkSessionClusterITCase {
    private static final int RECORDS = 600;
    /** 30 days of demands; on days 20–21 half of them are heating failures in one district. */
    private static final SyntheticDemands.Settings DEMANDS = SyntheticDemands.Settings
            .window(LocalDate.of(2026, 2, 9), 30)
            .withSurges(List.of(Surge.parse("城乡建设/城市建设和市政管理/冬季采暖@南浦区:2026-03-01:2:0.5")));
    private static final Taxonomy TAXONOMY = SyntheticDemands.withDefaults(7).taxonomy();

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainAModelOnSyntheticDemands() throws Exception {
        model = PipelineFixtures.trainQuickModel(dir);
    }

    @Test
    void theShadedJobJarsTagTheRecordsAndRaiseTheirAlerts(EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch)
            throws Exception {
        Path jobJar = Path.of(System.getProperty("hotline.jobJar", "../hotline-classify/target/missing-job.jar"));
        assertThat(jobJar).as("the job jar (mvn -pl hotline-classify package builds it)").isRegularFile();
        Path alertJobJar = Path.of(System.getProperty("hotline.alertJobJar",
                "../hotline-alerts/target/missing-job.jar"));
        assertThat(alertJobJar).as("the alert job jar (mvn -pl hotline-alerts package builds it)").isRegularFile();
        Map<String, String> settings = PipelineFixtures.settings(kafka, elasticsearch, "flink-session-it", model);
        settings.put("es.alertIndex", "flink-session-it-alerts");
        settings.put("alerts.group", "flink-session-it-alerts");
        settings.put("alerts.outOfOrderness", "P60D"); // a month replayed at once: every record counts
        HotlineConfig config = HotlineConfig.defaults().with(settings);
        List<HotlineRecord> demands = new SyntheticDemands(TAXONOMY, Gazetteer.defaultCity(), DEMANDS, 99)
                .generate(RECORDS);
        Path input = writeJsonLines(demands);

        try (EmbeddedFlinkCluster flink = EmbeddedFlinkCluster.builder().workDir(dir)
                .restPort(Ports.findFree()).slots(2 * config.getInt("flink.parallelism")).start()) {
            String jobId = flink.submitJar(jobJar, ClassifyCommand.class.getName(), JobJar.setArguments(config));
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

                List<String> catchUp = new ArrayList<>(List.of("--catch-up"));
                catchUp.addAll(JobJar.setArguments(config));
                String alertJobId = flink.submitJar(alertJobJar, AlertJobCommand.class.getName(), catchUp);
                assertThat(flink.rest().awaitEnd(alertJobId, Duration.ofMinutes(3))).isEqualTo("FINISHED");
                try (AlertStore alerts = AlertStore.connect(AlertJob.elasticsearch(config))) {
                    alerts.refresh();
                    assertThat(alerts.list(AlertStore.Filter.all()))
                            .filteredOn(alert -> alert.kind().equals("SEASONAL"))
                            .filteredOn(alert -> alert.districts().equals(List.of("南浦区")))
                            .extracting(StoredAlert::nodePath, StoredAlert::windowEnd)
                            // the surge's level-2 node (the quick model may file some under a sibling leaf)
                            .contains(tuple("城乡建设/城市建设和市政管理", "2026-03-01"));
                }
            } finally {
                flink.cancel(jobId);
            }
            assertThat(flink.jobState(jobId)).isEqualTo("CANCELED");
        }
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
