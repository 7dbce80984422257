package org.hotline.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.ingest.pipeline.RecordSink;
import org.hotline.ingest.pipeline.SinkException;
import org.hotline.ingest.template.DeadLetter;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;

/**
 * Writes accepted records (HotlineRecordJson, key = id) and dead letters (JSON, key = id or source:line) with an
 * idempotent producer ({@code acks=all}). Sends are asynchronous; the first failed delivery makes the next call
 * (or {@link #flush()}) throw {@link SinkException}.
 */
public final class KafkaRecordSink implements RecordSink {
    private final Producer<String, byte[]> producer;
    private final KafkaSinkSettings settings;
    private final DeadLetterEncoder deadLetterEncoder;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    KafkaRecordSink(Producer<String, byte[]> producer, KafkaSinkSettings settings, DeadLetterEncoder encoder) {
        this.producer = producer;
        this.settings = settings;
        this.deadLetterEncoder = encoder;
    }

    /**
     * Creates the topics when missing, then opens the producer.
     *
     * @throws SinkException when the broker cannot be reached
     */
    public static KafkaRecordSink open(KafkaSinkSettings settings, DeadLetterEncoder deadLetterEncoder) {
        IntakeTopics.ensureExist(settings);
        try {
            return new KafkaRecordSink(new KafkaProducer<>(producerConfig(settings)), settings, deadLetterEncoder);
        } catch (KafkaException e) {
            throw new SinkException("cannot create a Kafka producer: " + e.getMessage(), e);
        }
    }

    /** The producer settings: idempotent, every replica acknowledges, small batches lingering 20 ms. */
    static Map<String, Object> producerConfig(KafkaSinkSettings settings) {
        int timeoutMs = (int) settings.timeout().toMillis();
        int requestTimeoutMs = Math.min(30_000, timeoutMs);
        int lingerMs = 20;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "hotline-ingest");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, requestTimeoutMs + lingerMs));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putAll(settings.producerOverrides());
        return config;
    }

    @Override
    public void accepted(HotlineRecord record) {
        send(settings.intakeTopic(), record.id(), HotlineRecordJson.write(record).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void deadLettered(DeadLetter deadLetter) {
        send(settings.deadLetterTopic(), deadLetter.key(), deadLetterEncoder.encode(deadLetter));
    }

    @Override
    public void flush() {
        throwIfFailed();
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw new SinkException("Kafka flush failed: " + e.getMessage(), e);
        }
        throwIfFailed();
    }

    @Override
    public void close() {
        producer.close(settings.timeout());
    }

    private void send(String topic, String key, byte[] value) {
        throwIfFailed();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error != null) {
                    firstFailure.compareAndSet(null, error);
                }
            });
        } catch (KafkaException e) {
            throw new SinkException("cannot send to Kafka topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private void throwIfFailed() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new SinkException("Kafka at " + settings.bootstrapServers() + " did not store a record: "
                    + failure.getMessage(), failure);
        }
    }
}
