package org.hotline.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.ingest.pipeline.SinkException;
import org.hotline.ingest.template.DeadLetter;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.ingest.template.RejectReason;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.junit.jupiter.api.Test;

class KafkaRecordSinkTest {
    private static final KafkaSinkSettings SETTINGS = KafkaSinkSettings.defaults("localhost:9092");
    private static final HotlineRecord RECORD = new HotlineRecord("42",
            OffsetDateTime.parse("2019-04-25T09:32:09+08:00"), null, "路灯不亮", null, null, null, null, null, null,
            null, List.of());
    private static final DeadLetter DEAD_LETTER = new DeadLetter(RejectReason.NOT_JSON, null, "not JSON", "f.jsonl",
            3, null, "oops".getBytes(StandardCharsets.UTF_8), 4);

    @Test
    void acceptedRecordsGoToTheIntakeTopicKeyedById() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        KafkaRecordSink sink = new KafkaRecordSink(producer, SETTINGS, DeadLetterEncoder.safeDefault());

        sink.accepted(RECORD);
        sink.deadLettered(DEAD_LETTER);
        sink.flush();

        ProducerRecord<String, byte[]> accepted = producer.history().get(0);
        assertThat(accepted.topic()).isEqualTo("hotline.intake");
        assertThat(accepted.key()).isEqualTo("42");
        assertThat(new String(accepted.value(), StandardCharsets.UTF_8)).isEqualTo(HotlineRecordJson.write(RECORD));
        ProducerRecord<String, byte[]> deadLetter = producer.history().get(1);
        assertThat(deadLetter.topic()).isEqualTo("hotline.deadletter");
        assertThat(deadLetter.key()).isEqualTo("f.jsonl:3");
        assertThat(deadLetter.value()).isEqualTo(DeadLetterEncoder.safeDefault().encode(DEAD_LETTER));
    }

    @Test
    void aFailedDeliveryFailsTheNextCall() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        KafkaRecordSink sink = new KafkaRecordSink(producer, SETTINGS, DeadLetterEncoder.safeDefault());

        sink.accepted(RECORD);
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("no broker"));

        assertThatThrownBy(sink::flush).isInstanceOf(SinkException.class).hasMessageContaining("no broker");
    }

    @Test
    void producerIsIdempotentAndWaitsForAllReplicas() {
        Map<String, Object> config = KafkaRecordSink.producerConfig(new KafkaSinkSettings("b:9092", "in", "dead", 1,
                (short) 1, Duration.ofSeconds(10), Map.of(ProducerConfig.LINGER_MS_CONFIG, "5")));

        assertThat(config).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5");
    }

    @Test
    void topicsMustDiffer() {
        assertThatThrownBy(() -> new KafkaSinkSettings("b", "t", "t", 1, (short) 1, Duration.ofSeconds(1), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
