package org.hotline.alerts.job;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.elasticsearch.AlertIndex;
import org.hotline.alerts.elasticsearch.AlertBulkWriter;
import org.hotline.alerts.elasticsearch.ElasticsearchAlertSink;
import org.hotline.alerts.notify.NewAlertMailer;
import org.hotline.alerts.job.functions.ReceivedAtTimestamps;
import org.hotline.classify.ClassifyJob;
import org.hotline.classify.elasticsearch.ElasticsearchClients;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;
import org.hotline.classify.kafka.KafkaConnectors;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.config.HotlineConfig;

/**
 * The alert job: tagged topic → {@link AlertPipeline} (series alerts, common demands) → the alert index with its
 * lifecycle. As in flink-training (and {@code ClassifyJob}), the job takes its source and sinks as parameters;
 * {@link #wire(HotlineConfig)} supplies the production ones, tests pass their own. Event time is the records'
 * {@code receivedAt}; days are cut in {@code alerts.zone}.
 */
public final class AlertJob {
    public static final String NAME = "hotline-alerts";

    private final Source<TaggedRecord, ?, ?> source;
    private final List<Sink<Alert>> sinks;
    private final AlertSettings settings;

    public AlertJob(Source<TaggedRecord, ?, ?> source, List<Sink<Alert>> sinks, AlertSettings settings) {
        this.source = source;
        this.sinks = List.copyOf(sinks);
        this.settings = settings;
    }

    /**
     * The production wiring: the tagged topic in (own consumer group), the alert index out, and each new alert
     * e-mailed to its department and districts when {@code mail.smtp.host} is set.
     */
    public static AlertJob wire(HotlineConfig config) {
        return wire(config, KafkaConnectors.jsonSource(config, "kafka.topic.tagged", config.get("alerts.group"),
                TaggedRecord.class), List.of(indexSink(config)));
    }

    /** The alert index, e-mailing each new alert when {@code mail.smtp.host} is set. */
    private static ElasticsearchAlertSink indexSink(HotlineConfig config) {
        AlertBulkWriter.FirstSightings.Factory mail = NewAlertMailer.forConfig(config)
                .<AlertBulkWriter.FirstSightings.Factory>map(mailer -> mailer)
                .orElse(AlertBulkWriter.FirstSightings.Factory.NONE);
        return new ElasticsearchAlertSink(elasticsearch(config), mail);
    }

    /**
     * As {@link #wire(HotlineConfig)}, but reading the tagged topic only up to its end as of the start, so the job
     * finishes and its final watermark closes every day: a catch-up over history (the demo, a backfill).
     */
    public static AlertJob catchUp(HotlineConfig config) {
        return wire(config, KafkaConnectors.boundedJsonSource(config, "kafka.topic.tagged",
                config.get("alerts.group"), TaggedRecord.class), List.of(indexSink(config)));
    }

    /** Any source and sinks with the configured settings, e.g. the demo's or a test's. */
    public static AlertJob wire(HotlineConfig config, Source<TaggedRecord, ?, ?> source, List<Sink<Alert>> sinks) {
        return new AlertJob(source, sinks, AlertSettings.from(config));
    }

    /** The cluster settings of the record index, pointed at {@code es.alertIndex}. */
    public static ElasticsearchConfig elasticsearch(HotlineConfig config) {
        return ClassifyJob.elasticsearch(config).withIndex(config.get("es.alertIndex"));
    }

    /** Parallelism and checkpoints as the classify job's; checkpoints flush the alert sink. */
    public static StreamExecutionEnvironment environment(HotlineConfig config) {
        return ClassifyJob.environment(config);
    }

    /** Adds the job's operators to {@code env}; returns the alerts for callers that want to add more sinks. */
    public DataStream<Alert> build(StreamExecutionEnvironment env) {
        DataStream<TaggedRecord> tagged = env
                .fromSource(source, ReceivedAtTimestamps.watermarks(settings.outOfOrderness(), settings.idleness()),
                        "tagged records")
                .uid("tagged-source");
        DataStream<Alert> alerts = AlertPipeline.attach(tagged, settings);
        for (int i = 0; i < sinks.size(); i++) {
            alerts.sinkTo(sinks.get(i)).name("alert sink " + i).uid("alert-sink-" + i);
        }
        return alerts;
    }

    /** Creates the tagged topic and the alert index (with its mapping) when missing. */
    public static void prepare(HotlineConfig config) throws IOException {
        KafkaConnectors.ensureTopics(config);
        ElasticsearchConfig es = elasticsearch(config);
        try (var client = ElasticsearchClients.connect(es)) {
            AlertIndex.ensureExists(client, es);
        }
    }

    /** Builds and submits the job without waiting for it: streaming jobs do not end by themselves. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(NAME);
    }
}
