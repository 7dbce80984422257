package org.hotline.classify;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.hotline.classify.elasticsearch.ElasticsearchClients;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;
import org.hotline.classify.elasticsearch.ElasticsearchRecordSink;
import org.hotline.classify.elasticsearch.RecordIndex;
import org.hotline.classify.functions.TaggerFactory;
import org.hotline.classify.kafka.KafkaConnectors;
import org.hotline.classify.records.IntakeMessage;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.models.config.HotlineConfig;

/**
 * The classify job: intake topic → {@link ClassifyPipeline} → Elasticsearch {@code hotline-records}, Kafka
 * {@code hotline.tagged}, and refused records to the dead-letter topic. As in flink-training, the job takes its
 * source and sinks as parameters; {@link #wire(HotlineConfig)} supplies the production ones, tests pass their own.
 * The same class runs on a local MiniCluster and, shaded, on a Flink session cluster.
 */
public final class ClassifyJob {
    public static final String NAME = "hotline-classify";

    private final Source<IntakeMessage, ?, ?> source;
    private final List<Sink<TaggedRecord>> taggedSinks;
    private final Sink<DeadLetterEncoder.Message> deadLetterSink;
    private final TaggerFactory taggers;
    private final Duration replayTtl;

    public ClassifyJob(Source<IntakeMessage, ?, ?> source, List<Sink<TaggedRecord>> taggedSinks,
                       Sink<DeadLetterEncoder.Message> deadLetterSink, TaggerFactory taggers, Duration replayTtl) {
        this.source = source;
        this.taggedSinks = List.copyOf(taggedSinks);
        this.deadLetterSink = deadLetterSink;
        this.taggers = taggers;
        this.replayTtl = replayTtl;
    }

    /** The production wiring: Kafka in, Elasticsearch and Kafka out, all from one configuration. */
    public static ClassifyJob wire(HotlineConfig config, TaggerFactory taggers) {
        return new ClassifyJob(
                KafkaConnectors.intakeSource(config),
                List.of(new ElasticsearchRecordSink(elasticsearch(config)),
                        KafkaConnectors.jsonSink(config, "kafka.topic.tagged", TaggedRecord::id, "hotline-tagged")),
                KafkaConnectors.jsonSink(config, "kafka.topic.deadletter", ClassifyJob::deadLetterKey,
                        "hotline-classify-deadletter"),
                taggers,
                config.getDuration("classify.replayTtl"));
    }

    private static String deadLetterKey(DeadLetterEncoder.Message message) {
        return message.recordId() != null ? message.recordId() : message.source();
    }

    public static ElasticsearchConfig elasticsearch(HotlineConfig config) {
        ElasticsearchConfig es = ElasticsearchConfig.forUrl(config.getList("es.urls").get(0))
                .withUrls(config.getList("es.urls"))
                .withIndex(config.get("es.index"))
                .withShardsAndReplicas(1, config.getInt("es.replicas"))
                .withBatching(config.getInt("es.bulkActions"), config.getInt("es.flushMillis"));
        if (!config.get("es.username").isEmpty()) {
            es = es.withBasicAuth(config.get("es.username"), config.get("es.password"));
        }
        if (!config.get("es.apiKey").isEmpty()) {
            es = es.withApiKey(config.get("es.apiKey"));
        }
        if (!config.get("es.caFile").isEmpty()) {
            es = es.withCaCertificate(config.get("es.caFile"));
        }
        return es;
    }

    /** Checkpoints drive Kafka transactions and Elasticsearch flushes; a second keeps results fresh. */
    public static StreamExecutionEnvironment environment(HotlineConfig config) {
        Configuration flink = new Configuration();
        String checkpointDir = config.get("flink.checkpointDir");
        if (!checkpointDir.isBlank()) {
            // The JobManager's memory holds 5 MB of state at most; the alert job's series outgrow it.
            flink.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(config.getInt("flink.parallelism"));
        env.enableCheckpointing(config.getInt("flink.checkpointMillis"));
        return env;
    }

    /** Adds the job's operators to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        var intake = env.fromSource(source, WatermarkStrategy.noWatermarks(), "intake").uid("intake-source");
        ClassifyPipeline.Outputs outputs = ClassifyPipeline.attach(intake, taggers, replayTtl);
        for (int i = 0; i < taggedSinks.size(); i++) {
            outputs.tagged().sinkTo(taggedSinks.get(i)).name("tagged sink " + i).uid("tagged-sink-" + i);
        }
        outputs.deadLetters().sinkTo(deadLetterSink).name("dead letters").uid("dead-letter-sink");
    }

    /**
     * Creates what the production wiring reads and writes when it is missing: the Kafka topics and the index
     * with its mapping. Writers create the index too; doing it first lets a caller search before any record.
     */
    public static void prepare(HotlineConfig config) throws java.io.IOException {
        KafkaConnectors.ensureTopics(config);
        ElasticsearchConfig es = elasticsearch(config);
        try (var client = ElasticsearchClients.connect(es)) {
            new RecordIndex(client, es).ensureExists();
        }
    }

    /** Builds and submits the job without waiting for it: streaming jobs do not end by themselves. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(NAME);
    }
}
