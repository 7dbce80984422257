package org.hotline.app;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.flink.core.execution.JobClient;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.StoredAlert;
import org.hotline.alerts.job.AlertJob;
import org.hotline.ingest.kafka.ConsumerLag;
import org.hotline.ingest.kafka.KafkaSinkSettings;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.console.ProgressBar;
import org.hotline.models.sample.Surge;

/**
 * The demo's early-warning part: the surges planted in its synthetic demands, the alert job next to the classify
 * job, and the wait for its alerts to settle in the alert index.
 */
final class DemoAlerts {
    /**
     * The demo replays 13 weeks of demands in seconds: Kafka consumers read partitions in batches and each
     * transaction of the classify job's two writers holds weeks of event time, so a tagged record can trail the
     * newest one by weeks. Live traffic is minutes apart (the product default: 10 minutes). A month of slack keeps
     * the planted surges, at the cost of the last month's days, which never close in the demo.
     */
    private static final String REPLAY_OUT_OF_ORDERNESS = "P30D";

    private DemoAlerts() {}

    static List<Surge> surges(List<String> specs) {
        return specs.stream().map(Surge::parse).toList();
    }

    /**
     * Starts the alert job on a local MiniCluster (also when the classify job runs on a Flink cluster: there is no
     * job jar for the alert job yet); what it returns cancels the job.
     */
    static AutoCloseable start(HotlineConfig config, Consumer<String> step) throws Exception {
        HotlineConfig local = config.with("flink.rest", "");
        if (!config.nonDefaults().containsKey("alerts.outOfOrderness")) {
            local = local.with("alerts.outOfOrderness", REPLAY_OUT_OF_ORDERNESS);
        }
        AlertJob.prepare(local);
        JobClient job = AlertJob.wire(local).start(AlertJob.environment(local));
        step.accept("alert job running on a local Flink MiniCluster (job " + job.getJobID() + "), alerts to "
                + config.get("es.alertIndex") + (config.get("mail.smtp.host").isBlank() ? ""
                : ", e-mail via " + config.get("mail.smtp.host")));
        return () -> job.cancel().get();
    }

    /**
     * Waits until the alert job has committed everything on the tagged topic (it commits on each checkpoint, after
     * its index sink has flushed), at most {@code timeout}; returns the alerts, newest first.
     */
    static List<StoredAlert> awaitSettled(HotlineConfig config, Duration timeout) throws IOException,
            InterruptedException {
        KafkaSinkSettings kafka = KafkaSinkSettings.from(config);
        String topic = config.get("kafka.topic.tagged");
        String group = config.get("alerts.group");
        long deadline = System.nanoTime() + timeout.toNanos();
        ConsumerLag lag = ConsumerLag.of(kafka, topic, group);
        ProgressBar bar = new ProgressBar("alert job", Math.max(1, lag.offsets()));
        long total = Math.max(1, lag.offsets());
        int writers = config.getInt("flink.parallelism"); // the classify job's transactional sinks
        while (!lag.settled(writers) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            lag = ConsumerLag.of(kafka, topic, group);
            bar.update(Math.max(0, total - lag.offsets()));
        }
        bar.done();
        try (AlertStore store = AlertStore.connect(AlertJob.elasticsearch(config))) {
            store.refresh();
            return store.list(new AlertStore.Filter(null, null, null, AlertStore.MAX_LIST));
        }
    }

    static void print(PrintStream out, List<StoredAlert> alerts, int examples) {
        Map<String, Integer> byKind = new TreeMap<>();
        alerts.forEach(alert -> byKind.merge(alert.kind(), 1, Integer::sum));
        out.println("alerts: " + alerts.size() + (byKind.isEmpty() ? "" : " " + byKind));
        // The kinds that summarise many series first: one COMMON alert stands for several SEASONAL ones.
        alerts.stream().sorted(Comparator.comparingInt(DemoAlerts::rank)).limit(examples).forEach(alert -> out.printf(
                Locale.ROOT,
                "  %-14s %-36s %-24s %s  observed %.0f, expected %.1f%n", alert.kind(), alert.nodePath(),
                String.join(",", alert.districts()), alert.windowEnd(), orZero(alert.observed()),
                orZero(alert.expected())));
    }

    private static int rank(StoredAlert alert) {
        return List.of("COMMON", "CLUSTERED", "SEASONAL", "HIGH_FREQUENCY").indexOf(alert.kind()) & Integer.MAX_VALUE;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
