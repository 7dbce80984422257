package org.hotline.app;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.flink.core.execution.JobClient;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.StoredAlert;
import org.hotline.alerts.job.AlertJob;
import org.hotline.alerts.job.AlertJobCommand;
import org.hotline.app.engines.EngineException;
import org.hotline.app.engines.FlinkRestClient;
import org.hotline.ingest.kafka.IntakeTopics;
import org.hotline.ingest.kafka.KafkaSinkSettings;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.sample.Surge;

/**
 * The demo's early-warning part: the surges planted in its synthetic demands, the alert job's catch-up run over the
 * tagged topic once the demands are indexed, and what it found.
 *
 * <p>The demo replays 13 weeks of demands in seconds. Kafka consumers read partitions in batches and each
 * transaction of the classify job's two writers holds weeks of event time, so a tagged record can trail the newest
 * by weeks, where live traffic is minutes apart (the product's default lateness: 10 minutes). So the demo does not
 * stream the alert job alongside: it runs it bounded, up to the topic's end, with a lateness longer than the demo's
 * window. No record is then late, and the end of input closes every day: the same alerts on every run. With
 * {@code --flink} it runs on that cluster from the alert job's jar.
 */
final class DemoAlerts {
    private static final String DEMO_LATENESS = "P366D";

    private DemoAlerts() {}

    static List<Surge> surges(List<String> specs) {
        return specs.stream().map(Surge::parse).toList();
    }

    /**
     * Runs the alert job over the tagged topic until it has read it all: on the Flink cluster of {@code flink.rest}
     * (its job jar, {@code --catch-up}) or else on a local MiniCluster. First waits for the classify job's last
     * Kafka transaction: records are searchable when its index sink flushes, which can come before the checkpoint
     * that commits them to the tagged topic.
     */
    static void catchUp(HotlineConfig config, Duration timeout, Consumer<String> step) throws Exception {
        awaitTaggedTopicSettled(config, timeout);
        HotlineConfig settings = config;
        if (!config.nonDefaults().containsKey("alerts.outOfOrderness")) {
            settings = settings.with("alerts.outOfOrderness", DEMO_LATENESS);
        }
        AlertJob.prepare(settings);
        String mail = config.get("mail.smtp.host").isBlank() ? ""
                : "; new alerts e-mailed via " + config.get("mail.smtp.host");
        if (config.get("flink.rest").isEmpty()) {
            JobClient job = AlertJob.catchUp(settings).start(AlertJob.environment(settings));
            step.accept("alert job reading the tagged topic on a local Flink MiniCluster (job " + job.getJobID() + ")"
                    + mail);
            try {
                job.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                job.cancel().get(); // a finished job's MiniCluster is gone, so only a running one is cancelled
                throw EngineException.failure("the alert job did not finish within " + timeout + "; see the logs", e);
            }
            return;
        }
        FlinkRestClient flink = new FlinkRestClient(config.get("flink.rest"));
        List<String> args = new ArrayList<>(List.of("--catch-up"));
        args.addAll(JobJar.setArguments(settings));
        String jobId = flink.submitJar(JobJar.locate("hotline-alerts"), AlertJobCommand.class.getName(), args);
        step.accept("alert job " + jobId + " reading the tagged topic on the Flink cluster at "
                + config.get("flink.rest") + mail);
        String state = flink.awaitEnd(jobId, timeout);
        if (!state.equals("FINISHED")) {
            throw EngineException.failure("the alert job " + jobId + " ended " + state
                    + "; see the Flink cluster's logs", null);
        }
    }

    private static void awaitTaggedTopicSettled(HotlineConfig config, Duration timeout) throws InterruptedException {
        KafkaSinkSettings kafka = KafkaSinkSettings.from(config);
        String topic = config.get("kafka.topic.tagged");
        long quietFor = 3L * config.getInt("flink.checkpointMillis");
        long deadline = System.nanoTime() + timeout.toNanos();
        long end = IntakeTopics.committedEnd(kafka, topic);
        long since = System.nanoTime();
        while (System.nanoTime() - since < quietFor * 1_000_000 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = IntakeTopics.committedEnd(kafka, topic);
            if (now != end) {
                end = now;
                since = System.nanoTime();
            }
        }
    }

    /** The alerts in the index, newest first. */
    static List<StoredAlert> stored(HotlineConfig config) throws IOException {
        try (AlertStore store = AlertStore.connect(AlertJob.elasticsearch(config))) {
            store.refresh();
            return store.list(new AlertStore.Filter(null, null, null, AlertStore.MAX_LIST));
        }
    }

    static void print(PrintStream out, List<StoredAlert> alerts, int examples) {
        Map<String, Integer> byKind = new TreeMap<>();
        alerts.forEach(alert -> byKind.merge(alert.kind(), 1, Integer::sum));
        out.println("alerts: " + alerts.size() + (byKind.isEmpty() ? "" : " " + byKind));
        // Kinds that summarise many series first (one COMMON stands for several SEASONAL), the rarer next.
        alerts.stream().sorted(Comparator.comparingInt(DemoAlerts::rank)).limit(examples).forEach(alert -> out.printf(
                Locale.ROOT, "  %-14s %-36s %-24s %s  observed %.0f, expected %.1f%n", alert.kind(), alert.nodePath(),
                String.join(",", alert.districts()), alert.windowEnd(), orZero(alert.observed()),
                orZero(alert.expected())));
    }

    private static int rank(StoredAlert alert) {
        int rank = List.of("COMMON", "CLUSTERED", "EMERGING", "PERIODIC", "HIGH_FREQUENCY", "SEASONAL")
                .indexOf(alert.kind());
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
