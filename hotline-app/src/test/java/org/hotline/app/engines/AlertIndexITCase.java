package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.elasticsearch.AlertBulkWriter;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.alerts.elasticsearch.AlertStatus.Transition;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.ElasticsearchAlertSink;
import org.hotline.alerts.elasticsearch.StoredAlert;
import org.hotline.app.HotlineCli;
import org.hotline.classify.elasticsearch.BatchWriter;
import org.hotline.classify.elasticsearch.ElasticsearchClients;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;
import org.hotline.classify.serde.JsonTypeInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The alert index and the alert lifecycle against a real Elasticsearch (the integ-test distribution: no scripts). */
@ExtendWith(EnginesExtension.class)
class AlertIndexITCase {
    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    private ElasticsearchConfig config;
    private String url;

    @BeforeEach
    void freshIndex(EmbeddedElasticsearch es) {
        url = es.httpUrl();
        config = ElasticsearchConfig.forUrl(url).withIndex("alerts-" + UUID.randomUUID());
    }

    private static Alert alert(AlertKind kind, String district, LocalDate day, double observed) {
        return Alert.of(kind, "城乡建设/供热", List.of(district), day, day, observed, 5.5, 4.2, Double.NaN,
                new Evidence(List.of("暖气", "不热"), List.of("r-1"), observed + " demands"));
    }

    @Test
    void createsAStrictIndexWithZeroReplicas() throws Exception {
        try (AlertBulkWriter writer = AlertBulkWriter.open(config);
             ElasticsearchClient client = ElasticsearchClients.connect(config)) {
            writer.write(List.of(alert(AlertKind.SEASONAL, "东城区", DAY, 40)));

            Map<String, Property> properties = client.indices().getMapping(m -> m.index(config.index()))
                    .get(config.index()).mappings().properties();
            assertThat(properties.get("nodePath").isKeyword()).isTrue();
            assertThat(properties.get("districts").isKeyword()).isTrue();
            assertThat(properties.get("windowEnd").isDate()).isTrue();
            assertThat(properties.get("status").isKeyword()).isTrue();
            assertThat(client.indices().getSettings(s -> s.index(config.index())).get(config.index()).settings()
                    .index().numberOfReplicas()).isEqualTo("0");
            // Strict: a field outside the mapping is refused.
            assertThatThrownBy(() -> client.index(i -> i.index(config.index()).id("x")
                    .document(Map.of("id", "x", "surprise", 1))))
                    .isInstanceOf(ElasticsearchException.class).hasMessageContaining("strict_dynamic_mapping");
        }
    }

    @Test
    void aReplayKeepsTheAnalystsStatusAndOnlyMovesLastSeen() throws Exception {
        Alert east = alert(AlertKind.SEASONAL, "东城区", DAY, 40);
        try (AlertBulkWriter writer = AlertBulkWriter.open(config); AlertStore store = AlertStore.connect(config)) {
            assertThat(writer.write(List.of(east))).isEqualTo(new BatchWriter.BulkResult(1, 0));
            StoredAlert created = store.get(east.id()).orElseThrow();
            assertThat(created.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(created.firstSeenAt()).isEqualTo(created.lastSeenAt());

            store.transition(east.id(), Transition.ACKNOWLEDGE, "王工", "已转区住建委");
            Thread.sleep(5); // a later lastSeenAt
            assertThat(writer.write(List.of(alert(AlertKind.SEASONAL, "东城区", DAY, 43))))
                    .isEqualTo(new BatchWriter.BulkResult(1, 0));

            StoredAlert seenAgain = store.get(east.id()).orElseThrow();
            assertThat(seenAgain.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
            assertThat(seenAgain.statusBy()).isEqualTo("王工");
            assertThat(seenAgain.statusNote()).isEqualTo("已转区住建委");
            assertThat(seenAgain.observed()).isEqualTo(43.0);
            assertThat(seenAgain.firstSeenAt()).isEqualTo(created.firstSeenAt());
            assertThat(seenAgain.lastSeenAt()).isGreaterThan(created.lastSeenAt());
            assertThat(writer.created()).isEqualTo(1);
            assertThat(writer.seenAgain()).isEqualTo(1);
            store.refresh();
            assertThat(store.list(AlertStore.Filter.all())).hasSize(1);
        }
    }

    @Test
    void transitionsAreCheckedAndGuardedByTheVersionTheyRead() throws Exception {
        Alert east = alert(AlertKind.SEASONAL, "东城区", DAY, 40);
        try (AlertBulkWriter writer = AlertBulkWriter.open(config); AlertStore store = AlertStore.connect(config)) {
            writer.write(List.of(east));

            assertThatThrownBy(() -> store.transition(east.id(), Transition.REOPEN, "a", ""))
                    .isInstanceOf(IllegalStateException.class).hasMessage("cannot reopen alert " + east.id()
                            + ": it is open");
            StoredAlert stale = store.get(east.id()).orElseThrow();
            assertThat(store.transition(east.id(), Transition.ACKNOWLEDGE, "a", "").status())
                    .isEqualTo(AlertStatus.ACKNOWLEDGED);
            // Someone else read the alert before the acknowledgement and now resolves it: refused, not lost.
            assertThatThrownBy(() -> store.transition(stale, Transition.RESOLVE, "b", ""))
                    .isInstanceOf(ConcurrentModificationException.class).hasMessageContaining("look at it again");
            assertThatThrownBy(() -> store.transition(east.id(), Transition.ACKNOWLEDGE, "b", ""))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("it is acknowledged (by a at ");
            assertThat(store.transition(east.id(), Transition.RESOLVE, "b", "fixed").status())
                    .isEqualTo(AlertStatus.RESOLVED);
            assertThat(store.transition(east.id(), Transition.REOPEN, "c", "back again").status())
                    .isEqualTo(AlertStatus.OPEN);
            assertThatThrownBy(() -> store.transition("nope", Transition.ACKNOWLEDGE, "a", ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no alert with id nope");
        }
    }

    @Test
    void theCliListsAcknowledgesAndResolves() throws Exception {
        Alert seasonal = alert(AlertKind.SEASONAL, "东城区", DAY, 40);
        Alert older = alert(AlertKind.HIGH_FREQUENCY, "西城区", DAY.minusDays(10), 60);
        Alert common = Alert.of(AlertKind.COMMON, "城乡建设/供热", List.of("东城区", "西城区", "朝阳区"), DAY, DAY, 100,
                20, 3, Double.NaN, null);
        try (AlertBulkWriter writer = AlertBulkWriter.open(config)) {
            writer.write(List.of(seasonal, older, common));
        }
        try (AlertStore store = AlertStore.connect(config)) {
            store.refresh();
        }

        assertThat(cli(0, "list")).contains("(3 alerts;").contains(seasonal.id().substring(0, 12));
        assertThat(cli(0, "list", "--kind", "common")).contains("(1 alerts;").contains("东城区,朝阳区,西城区");
        assertThat(cli(0, "list", "--since", DAY.minusDays(1).toString())).contains("(2 alerts;")
                .doesNotContain(older.id().substring(0, 12));

        assertThat(cli(0, "ack", seasonal.id().substring(0, 12), "--by", "王工", "--note", "已派单"))
                .contains("alert " + seasonal.id() + " is acknowledged");
        assertThat(cli(0, "list", "--status", "open")).contains("(2 alerts;");
        assertThat(cli(0, "resolve", seasonal.id())).contains("is resolved");
        String[] refused = new String[1];
        assertThat(cliExit(refused, "ack", seasonal.id())).isEqualTo(1);
        assertThat(refused[0]).contains("cannot acknowledge alert " + seasonal.id() + ": it is resolved");
        assertThat(cliExit(refused, "list", "--status", "closed")).isEqualTo(2);
        assertThat(cliExit(refused, "ack", "0000000000000")).isEqualTo(2);
        assertThat(refused[0]).contains("no alert with id 0000000000000");
    }

    @Test
    void theFlinkSinkWritesAlertsOnceHoweverOftenTheyAreReplayed() throws Exception {
        Alert east = alert(AlertKind.SEASONAL, "东城区", DAY, 40);
        Alert west = alert(AlertKind.SEASONAL, "西城区", DAY, 30);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(JsonTypeInfo.of(Alert.class), east, west, east, west, east)
                .sinkTo(new ElasticsearchAlertSink(config.withBatching(2, 1000)));
        env.execute("alert sink test");

        try (AlertStore store = AlertStore.connect(config)) {
            store.refresh();
            assertThat(store.list(AlertStore.Filter.all())).extracting(StoredAlert::id)
                    .containsExactlyInAnyOrder(east.id(), west.id());
        }
    }

    private String cli(int expectedExit, String... args) {
        String[] output = new String[1];
        int exit = cliExit(output, args);
        assertThat(exit).as("hotline alerts %s: %s", String.join(" ", args), output[0]).isEqualTo(expectedExit);
        return output[0];
    }

    /** Runs `hotline alerts ARGS --set es.urls=… --set es.alertIndex=…`; output[0] gets stdout and stderr. */
    private int cliExit(String[] output, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 5];
        full[0] = "alerts";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--set";
        full[args.length + 2] = "es.urls=" + url;
        full[args.length + 3] = "--set";
        full[args.length + 4] = "es.alertIndex=" + config.index();
        int exit = HotlineCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(full);
        output[0] = out + err.toString();
        return exit;
    }
}
