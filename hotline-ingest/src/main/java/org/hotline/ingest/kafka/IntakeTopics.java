package org.hotline.ingest.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hotline.ingest.pipeline.SinkException;

/** Creates the intake and dead-letter topics (and any others named) when they are missing; reads a topic's end. */
public final class IntakeTopics {
    private IntakeTopics() {}

    /**
     * @param moreTopics further topics to create alike (e.g. the classify job's tagged topic)
     * @return the topics that were created (empty when all existed)
     * @throws SinkException when the broker cannot be reached or refuses
     */
    public static List<String> ensureExist(KafkaSinkSettings settings, String... moreTopics) {
        return withAdmin(settings, "creating topics", (admin, timeoutMs) -> {
            Set<String> existing = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<String> created = new ArrayList<>();
            List<String> wanted = new ArrayList<>(List.of(settings.intakeTopic(), settings.deadLetterTopic()));
            wanted.addAll(List.of(moreTopics));
            for (String topic : wanted) {
                if (!existing.contains(topic) && create(admin, topic, settings, timeoutMs)) {
                    created.add(topic);
                }
            }
            return created;
        });
    }

    /**
     * The sum over {@code topic}'s partitions of the last stable offset: what read_committed consumers can see.
     * It stops moving once every open transaction on the topic has committed or aborted.
     */
    public static long committedEnd(KafkaSinkSettings settings, String topic) {
        return withAdmin(settings, "reading the end of " + topic, (admin, timeoutMs) -> {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeoutMs, TimeUnit.MILLISECONDS).get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(timeoutMs, TimeUnit.MILLISECONDS).values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset).sum();
        });
    }

    /** One admin call with the settings' timeout; Kafka's checked failures become {@link SinkException}s. */
    private interface AdminCall<T> {
        T call(Admin admin, long timeoutMs) throws ExecutionException, InterruptedException, TimeoutException;
    }

    private static <T> T withAdmin(KafkaSinkSettings settings, String doing, AdminCall<T> call) {
        try (Admin admin = Admin.create(adminConfig(settings))) {
            return call.call(admin, settings.timeout().toMillis());
        } catch (TimeoutException e) {
            throw new SinkException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                    + settings.timeout().toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new SinkException("Kafka at " + settings.bootstrapServers() + " refused: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while " + doing, e);
        }
    }

    private static Map<String, Object> adminConfig(KafkaSinkSettings settings) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, settings.timeout().toMillis()),
                AdminClientConfig.CLIENT_ID_CONFIG, "hotline-ingest-admin");
    }

    /** False when another client created the topic first. */
    private static boolean create(Admin admin, String topic, KafkaSinkSettings settings, long timeoutMs)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), settings.replicationFactor())))
                    .all().get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }
}
