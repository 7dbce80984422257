package org.hotline.ingest.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.hotline.ingest.pipeline.SinkException;

/**
 * How far a consumer group (e.g. a Flink job, which commits its offsets on each checkpoint) is behind the committed
 * end of a topic: lets the demo wait until a job has read everything rather than guess with a timer.
 */
public record ConsumerLag(long offsets, int partitions) {

    /**
     * True when what is left can only be transaction markers. Each transactional writer ends its last transaction
     * in a partition with a marker, which takes an offset but is not a record, so after the last record is read
     * the lag is up to one offset per writer and partition.
     *
     * @param writers the transactional producers writing the topic (e.g. the producing job's parallelism)
     */
    public boolean settled(int writers) {
        return offsets <= (long) partitions * writers;
    }

    /** Offsets of {@code topic} up to its last stable offset that {@code group} has not committed yet. */
    public static ConsumerLag of(KafkaSinkSettings settings, String topic, String group) {
        long timeoutMs = settings.timeout().toMillis();
        try (Admin admin = IntakeTopics.admin(settings, "hotline-lag")) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeoutMs, TimeUnit.MILLISECONDS).get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(timeoutMs, TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeoutMs, TimeUnit.MILLISECONDS).entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            long behind = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
                behind += Math.max(0, end.getValue().offset() - committed.getOrDefault(end.getKey(), 0L));
            }
            return new ConsumerLag(behind, partitions);
        } catch (TimeoutException e) {
            throw new SinkException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                    + settings.timeout().toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new SinkException("Kafka at " + settings.bootstrapServers() + " refused: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while reading consumer offsets", e);
        }
    }
}
