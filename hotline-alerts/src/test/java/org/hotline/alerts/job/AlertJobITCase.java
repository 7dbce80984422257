package org.hotline.alerts.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.job.functions.TestRecords;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.classify.serde.JsonTypeInfo;
import org.hotline.models.config.HotlineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole alert job on a Flink MiniCluster: 40 days of synthetic tagged records in four districts (one street
 * each), a surge of heating complaints in one district on day 30 (SEASONAL at three levels, and a street-level
 * CLUSTERED at three levels) and a surge of noise complaints in three districts on day 35 (SEASONAL in each, and
 * COMMON at both levels), with a share rule that makes the heating surge HIGH_FREQUENCY too. Its phrases stay in proportion (a surge of a node's phrase lifts its share well below the
 * doubling a burst needs), so it raises no EMERGING alert, and 40 days are far too short for PERIODIC: the exact set
 * below holds every kind. A second run plants a new phrase.
 */
class AlertJobITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final LocalDate START = LocalDate.parse("2026-01-05");
    private static final List<String> DISTRICTS = List.of("东城区", "西城区", "朝阳区", "海淀区");
    private static final List<String> HEATING = List.of("城乡建设", "供热", "暖气不热");
    private static final List<String> NOISE = List.of("环境保护", "噪音污染");
    private static final int[] STEADY = {5, 6, 4, 5, 6, 5, 4};
    private static final LocalDate HEATING_SURGE = START.plusDays(30);
    private static final LocalDate NOISE_SURGE = START.plusDays(35);

    /** Static, so the source's generator reads it without capturing (and serializing) it. */
    private static final List<TaggedRecord> RECORDS = records();
    private static final LocalDate SCOOTERS = START.plusDays(28);
    private static final List<TaggedRecord> WITH_NEW_PHRASE = recordsWithANewPhrase();

    /**
     * 32 ordinary days of heating and noise complaints in four districts, and from day 28 eight unclassified records
     * a day about scooters ("滑板车", unknown to the default taxonomy) and their noise ("噪音", known) in two districts.
     */
    static List<TaggedRecord> recordsWithANewPhrase() {
        List<TaggedRecord> records = new ArrayList<>(records().stream()
                .filter(r -> r.record().receivedAt().toLocalDate().isBefore(START.plusDays(32))).toList());
        for (LocalDate day = SCOOTERS; day.isBefore(START.plusDays(32)); day = day.plusDays(1)) {
            for (int i = 0; i < 8; i++) {
                records.add(TestRecords.tagged("s-" + day + "-" + i, day, LocalTime.of(12, i), DISTRICTS.get(i % 2),
                        "滑板车 噪音", List.of()));
            }
        }
        return records;
    }

    static List<TaggedRecord> records() {
        List<TaggedRecord> records = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            LocalDate day = START.plusDays(d);
            for (int k = 0; k < DISTRICTS.size(); k++) {
                String district = DISTRICTS.get(k);
                int heating = day.equals(HEATING_SURGE) && k == 0 ? 40 : STEADY[(d + k) % 7];
                int noise = day.equals(NOISE_SURGE) && k < 3 ? 35 : STEADY[(d + 2 * k) % 7];
                for (int i = 0; i < heating; i++) {
                    records.add(TestRecords.tagged("h-" + d + "-" + k + "-" + i, day, LocalTime.of(8, i % 60),
                            district, "暖气 不热 温度 低", HEATING));
                }
                for (int i = 0; i < noise; i++) {
                    records.add(TestRecords.tagged("n-" + d + "-" + k + "-" + i, day, LocalTime.of(20, i % 60),
                            district, "夜间 施工 噪音", NOISE));
                }
            }
        }
        return records;
    }

    /** Runs the whole job over a bounded source until its final watermark has closed every day. */
    private static List<Alert> run(HotlineConfig config, DataGeneratorSource<TaggedRecord> source, String sinkName)
            throws Exception {
        CollectingSink<Alert> sink = new CollectingSink<>(sinkName);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobClient job = AlertJob.wire(config, source, List.of(sink)).start(env);
        try {
            job.getJobExecutionResult().get(); // bounded: the final watermark closes every day
        } finally {
            if (!job.getJobStatus().get().isGloballyTerminalState()) {
                job.cancel().get();
            }
        }
        return sink.values();
    }

    @Test
    void findsThePlantedSurgesAndTheCommonDemandWithDeterministicIds(@TempDir Path dir) throws Exception {
        DataGeneratorSource<TaggedRecord> source = new DataGeneratorSource<>(i -> RECORDS.get(i.intValue()),
                RECORDS.size(), RateLimiterStrategy.noOp(), JsonTypeInfo.of(TaggedRecord.class));
        // Heating is 40–60% of a district's demands on ordinary days and 40 of 44 on the surge.
        Path rules = Files.writeString(dir.resolve("rules.json"),
                "{\"nodes\": {\"城乡建设/供热\": {\"maxDailyShare\": 0.75}}}");
        HotlineConfig config = HotlineConfig.defaults().with(Map.of("alerts.commonMinDistricts", "3",
                "alerts.commonWindowDays", "3", "alerts.rules", rules.toString()));

        List<Alert> alerts = run(config, source, "alert-job-it");
        assertThat(alerts).extracting(Alert::kind, Alert::nodePath, Alert::districts, Alert::windowEnd)
                .containsExactlyInAnyOrder(
                        tuple(AlertKind.SEASONAL, "城乡建设", List.of("东城区"), HEATING_SURGE),
                        tuple(AlertKind.SEASONAL, "城乡建设/供热", List.of("东城区"), HEATING_SURGE),
                        tuple(AlertKind.SEASONAL, "城乡建设/供热/暖气不热", List.of("东城区"), HEATING_SURGE),
                        tuple(AlertKind.HIGH_FREQUENCY, "城乡建设/供热", List.of("东城区"), HEATING_SURGE),
                        tuple(AlertKind.HIGH_FREQUENCY, "城乡建设/供热/暖气不热", List.of("东城区"), HEATING_SURGE),
                        tuple(AlertKind.SEASONAL, "环境保护", List.of("东城区"), NOISE_SURGE),
                        tuple(AlertKind.SEASONAL, "环境保护", List.of("西城区"), NOISE_SURGE),
                        tuple(AlertKind.SEASONAL, "环境保护", List.of("朝阳区"), NOISE_SURGE),
                        tuple(AlertKind.SEASONAL, "环境保护/噪音污染", List.of("东城区"), NOISE_SURGE),
                        tuple(AlertKind.SEASONAL, "环境保护/噪音污染", List.of("西城区"), NOISE_SURGE),
                        tuple(AlertKind.SEASONAL, "环境保护/噪音污染", List.of("朝阳区"), NOISE_SURGE),
                        tuple(AlertKind.COMMON, "环境保护", List.of("东城区", "朝阳区", "西城区"), NOISE_SURGE),
                        tuple(AlertKind.COMMON, "环境保护/噪音污染", List.of("东城区", "朝阳区", "西城区"), NOISE_SURGE),
                        // One street's burst interacts with place and day; three districts rising together do not.
                        tuple(AlertKind.CLUSTERED, "城乡建设", List.of("东城区/东城区一街道"), HEATING_SURGE),
                        tuple(AlertKind.CLUSTERED, "城乡建设/供热", List.of("东城区/东城区一街道"), HEATING_SURGE),
                        tuple(AlertKind.CLUSTERED, "城乡建设/供热/暖气不热", List.of("东城区/东城区一街道"),
                                HEATING_SURGE));
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.id()).isEqualTo(Alert.idOf(alert.kind(),
                alert.nodePath(), alert.districts(), alert.windowStart(), alert.windowEnd())));
        assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.COMMON)
                .extracting(Alert::id)
                .contains(Alert.idOf(AlertKind.COMMON, "环境保护/噪音污染", List.of("西城区", "朝阳区", "东城区"),
                        NOISE_SURGE.minusDays(2), NOISE_SURGE)); // a window of 3 days ending on the surge
        assertThat(alerts).filteredOn(a -> a.nodePath().equals("城乡建设/供热/暖气不热"))
                .filteredOn(a -> a.kind() == AlertKind.SEASONAL).singleElement()
                .satisfies(alert -> {
                    assertThat(alert.observed()).isEqualTo(40);
                    assertThat(alert.evidence().topPhrases()).contains("暖气", "不热", "温度");
                    assertThat(alert.evidence().exampleRecordIds()).allMatch(id -> id.startsWith("h-30-0-"));
                });
        assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.HIGH_FREQUENCY).allSatisfy(alert -> {
            assertThat(alert.observed()).isEqualTo(40);
            assertThat(alert.expected()).as("75% of the district's day, rounded up").isEqualTo(33);
            assertThat(alert.evidence().note()).contains("of the district's 44");
        });
    }

    @Test
    void anIgnoredWordIsNeverReported() throws Exception {
        DataGeneratorSource<TaggedRecord> source = new DataGeneratorSource<>(i -> WITH_NEW_PHRASE.get(i.intValue()),
                WITH_NEW_PHRASE.size(), RateLimiterStrategy.noOp(), JsonTypeInfo.of(TaggedRecord.class));
        List<Alert> alerts = run(HotlineConfig.defaults().with(Map.of("alerts.emergingIgnore", "路灯, 滑板车")), source,
                "alert-job-it-ignored");

        assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.EMERGING).isEmpty();
    }

    @Test
    void reportsTheNewPhraseOnceWhenItBursts() throws Exception {
        DataGeneratorSource<TaggedRecord> source = new DataGeneratorSource<>(i -> WITH_NEW_PHRASE.get(i.intValue()),
                WITH_NEW_PHRASE.size(), RateLimiterStrategy.noOp(), JsonTypeInfo.of(TaggedRecord.class));
        List<Alert> alerts = run(HotlineConfig.defaults(), source, "alert-job-it-emerging");

        // The ordinary days raise nothing; 噪音 and 滑板车噪音 burst too, but the taxonomy knows them.
        assertThat(alerts).filteredOn(a -> a.kind() == AlertKind.EMERGING).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.EMERGING);
            assertThat(alert.nodePath()).isEqualTo("phrase:滑板车");
            assertThat(alert.districts()).containsExactly("东城区", "西城区");
            assertThat(alert.windowEnd()).isEqualTo(SCOOTERS);
            assertThat(alert.observed()).isEqualTo(8);
            assertThat(alert.evidence().exampleRecordIds()).allMatch(id -> id.startsWith("s-" + SCOOTERS));
        });
    }
}
