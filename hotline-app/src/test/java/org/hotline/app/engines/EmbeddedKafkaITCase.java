package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EnginesExtension.class)
class EmbeddedKafkaITCase {

    @Test
    void roundTripsRecordsThroughTheBroker(EmbeddedKafka kafka) throws Exception {
        String topic = "round-trip";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "来电诉求 " + i)).get();
            }
        }

        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "round-trip-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < 10 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }

        assertThat(values).hasSize(10).startsWith("来电诉求 0").endsWith("来电诉求 9");
        assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
    }

    @Test
    void refusesAPortThatIsTaken(EmbeddedKafka running, @TempDir Path workDir) {
        assertThatThrownBy(() -> EmbeddedKafka.builder().workDir(workDir).port(running.port()).start())
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("port " + running.port())
                .hasMessageContaining("--kafka-port")
                .matches(e -> ((EngineException) e).isUserError());
    }

    @Test
    void reportsTheEndOfTheLogWhenKafkaCannotStart(@TempDir Path workDir) {
        // An unknown JVM option makes the Kafka JVMs exit at once; the error must show why.
        assertThatThrownBy(() -> EmbeddedKafka.builder().workDir(workDir).port(Ports.findFree())
                        .javaOptions(List.of("-Xmx1g", "-XX:+NoSuchHotlineOption")).start())
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("NoSuchHotlineOption");
    }

    @Test
    void stopsTheBrokerAndItsPortOnClose(@TempDir Path workDir) {
        EmbeddedKafka kafka = EmbeddedKafka.builder().workDir(workDir).port(Ports.findFree()).start();
        assertThat(EngineProcess.fromPidFile(ServicesCommand.kafkaPidFile(workDir))).isPresent();

        kafka.close();

        assertThat(Ports.isListening(kafka.port())).isFalse();
        assertThat(ProcessHandle.of(kafka.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(EngineProcess.fromPidFile(ServicesCommand.kafkaPidFile(workDir))).isEmpty();
    }
}
