package org.hotline.ingest.kafka;

import java.time.Duration;
import java.util.Map;
import org.hotline.models.config.HotlineConfig;

/**
 * Where and how intake writes to Kafka.
 *
 * @param bootstrapServers  e.g. {@code localhost:9092}
 * @param intakeTopic       accepted records (HotlineRecordJson, key = record id)
 * @param deadLetterTopic   dead letters (JSON, key = record id or {@code source:line}); restricted: see docs
 * @param partitions        partitions of topics this sink creates
 * @param replicationFactor replication of topics this sink creates
 * @param timeout           how long to wait for the broker (metadata, topic creation, delivery)
 * @param producerOverrides extra producer properties, applied last
 */
public record KafkaSinkSettings(
        String bootstrapServers,
        String intakeTopic,
        String deadLetterTopic,
        int partitions,
        short replicationFactor,
        Duration timeout,
        Map<String, String> producerOverrides) {

    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    public static final String BOOTSTRAP_ENV = "HOTLINE_KAFKA_BOOTSTRAP";
    public static final String DEFAULT_INTAKE_TOPIC = "hotline.intake";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "hotline.deadletter";

    public KafkaSinkSettings {
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("partitions and replication factor must be >= 1");
        }
        if (intakeTopic.equals(deadLetterTopic)) {
            throw new IllegalArgumentException("the intake and dead-letter topics must differ: " + intakeTopic);
        }
        producerOverrides = producerOverrides == null ? Map.of() : Map.copyOf(producerOverrides);
    }

    /** Default topics, 3 partitions, replication 1, 30 s timeout. */
    public static KafkaSinkSettings defaults(String bootstrapServers) {
        return new KafkaSinkSettings(bootstrapServers, DEFAULT_INTAKE_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, 3, (short) 1,
                Duration.ofSeconds(30), Map.of());
    }

    /** Bootstrap servers and topics from the shared configuration, otherwise as {@link #defaults}. */
    public static KafkaSinkSettings from(HotlineConfig config) {
        KafkaSinkSettings defaults = defaults(config.get("kafka.bootstrap"));
        return new KafkaSinkSettings(defaults.bootstrapServers(), config.get("kafka.topic.intake"),
                config.get("kafka.topic.deadletter"), defaults.partitions(), defaults.replicationFactor(),
                defaults.timeout(), defaults.producerOverrides());
    }

    /** {@code $HOTLINE_KAFKA_BOOTSTRAP}, else {@code localhost:9092}. */
    public static String bootstrapFromEnvironment() {
        String fromEnv = System.getenv(BOOTSTRAP_ENV);
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_BOOTSTRAP : fromEnv.strip();
    }
}
