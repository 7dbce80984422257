package org.hotline.classify.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hotline.classify.records.IntakeMessage;
import org.hotline.classify.serde.JsonTypeInfo;
import org.hotline.ingest.kafka.IntakeTopics;
import org.hotline.ingest.kafka.KafkaSinkSettings;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.records.HotlineRecordJson;

/** The classify job's only contact with Kafka: the intake source and the JSON sinks, all from one config. */
public final class KafkaConnectors {
    private KafkaConnectors() {}

    /** Creates the intake, tagged and dead-letter topics when missing: a source on a missing topic fails. */
    public static void ensureTopics(HotlineConfig config) {
        IntakeTopics.ensureExist(KafkaSinkSettings.from(config), config.get("kafka.topic.tagged"));
    }

    public static KafkaSource<IntakeMessage> intakeSource(HotlineConfig config) {
        return KafkaSource.<IntakeMessage>builder()
                .setBootstrapServers(config.get("kafka.bootstrap"))
                .setTopics(config.get("kafka.topic.intake"))
                .setGroupId(config.get("kafka.group"))
                .setStartingOffsets(startingOffsets(config.get("kafka.start")))
                .setDeserializer(new IntakeDeserializer())
                // Only what the ingest producer committed; never half a transaction.
                .setProperty("isolation.level", "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "true")
                .build();
    }

    /**
     * A source of JSON values of {@code type} (e.g. tagged records for the alert job) from the topic named by
     * {@code topicKey}, in consumer group {@code groupId}; starts where {@code kafka.start} says. A value that is not
     * valid JSON of that type fails the job: these topics are written by our own jobs only.
     */
    public static <T> KafkaSource<T> jsonSource(HotlineConfig config, String topicKey, String groupId, Class<T> type) {
        return jsonSourceBuilder(config, topicKey, groupId, type).build();
    }

    /** As {@link #jsonSource}, but ending at the topic's end as of the start: a catch-up run over what is there. */
    public static <T> KafkaSource<T> boundedJsonSource(HotlineConfig config, String topicKey, String groupId,
                                                       Class<T> type) {
        return jsonSourceBuilder(config, topicKey, groupId, type).setBounded(OffsetsInitializer.latest()).build();
    }

    private static <T> KafkaSourceBuilder<T> jsonSourceBuilder(HotlineConfig config, String topicKey,
                                                              String groupId, Class<T> type) {
        return KafkaSource.<T>builder()
                .setBootstrapServers(config.get("kafka.bootstrap"))
                .setTopics(config.get(topicKey))
                .setGroupId(groupId)
                .setStartingOffsets(startingOffsets(config.get("kafka.start")))
                .setDeserializer(new JsonDeserializer<>(type))
                .setProperty("isolation.level", "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "true");
    }

    static OffsetsInitializer startingOffsets(String start) {
        return switch (start.toLowerCase(Locale.ROOT)) {
            case "earliest" -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case "latest" -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.LATEST);
            case "committed" -> OffsetsInitializer.committedOffsets();
            default -> throw new IllegalArgumentException(
                    "kafka.start must be earliest, latest or committed, not '" + start + "'");
        };
    }

    /**
     * A sink writing each value as JSON keyed by {@code keyOf}. Exactly-once sinks write in Kafka transactions that
     * commit on each checkpoint, so readers with read_committed see each record once even after a restart.
     */
    public static <T> KafkaSink<T> jsonSink(HotlineConfig config, String topicKey, SerializableFunction<T, String> keyOf,
                                            String transactionPrefix) {
        DeliveryGuarantee guarantee = deliveryGuarantee(config.get("kafka.delivery"));
        String topic = config.get(topicKey);
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.get("kafka.bootstrap"))
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(transactionPrefix)
                // Below the broker's transaction.max.timeout.ms (15 min by default).
                .setProperty("transaction.timeout.ms", "600000")
                .setRecordSerializer(new JsonRecordSerializer<>(topic, keyOf))
                .build();
    }

    static DeliveryGuarantee deliveryGuarantee(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
            case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
            case "none" -> DeliveryGuarantee.NONE;
            default -> throw new IllegalArgumentException(
                    "kafka.delivery must be exactly-once, at-least-once or none, not '" + name + "'");
        };
    }

    /** Keeps the value's bytes as they are; parsing happens downstream so bad payloads become dead letters. */
    static final class IntakeDeserializer implements KafkaRecordDeserializationSchema<IntakeMessage> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<IntakeMessage> out) {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            out.collect(new IntakeMessage(key, record.value(),
                    record.topic() + "/" + record.partition() + "/" + record.offset()));
        }

        @Override
        public TypeInformation<IntakeMessage> getProducedType() {
            return JsonTypeInfo.of(IntakeMessage.class);
        }
    }

    static final class JsonDeserializer<T> implements KafkaRecordDeserializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;

        JsonDeserializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws java.io.IOException {
            if (record.value() != null) {
                out.collect(HotlineRecordJson.mapper().readValue(record.value(), type));
            }
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return JsonTypeInfo.of(type);
        }
    }

    static final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private final SerializableFunction<T, String> keyOf;

        JsonRecordSerializer(String topic, SerializableFunction<T, String> keyOf) {
            this.topic = topic;
            this.keyOf = keyOf;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(T value, KafkaSinkContext context, Long timestamp) {
            try {
                String key = keyOf.apply(value);
                return new ProducerRecord<>(topic, null, timestamp,
                        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                        HotlineRecordJson.mapper().writeValueAsBytes(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
            }
        }
    }
}
