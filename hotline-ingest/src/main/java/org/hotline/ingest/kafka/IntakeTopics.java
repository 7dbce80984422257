package org.hotline.ingest.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hotline.ingest.pipeline.SinkException;

/** Creates the intake and dead-letter topics (and any others named) when they are missing. */
public final class IntakeTopics {
    private IntakeTopics() {}

    /**
     * @param moreTopics further topics to create alike (e.g. the classify job's tagged topic)
     * @return the topics that were created (empty when all existed)
     * @throws SinkException when the broker cannot be reached or refuses
     */
    public static List<String> ensureExist(KafkaSinkSettings settings, String... moreTopics) {
        try (Admin admin = admin(settings, "hotline-ingest-admin")) {
            long timeoutMs = settings.timeout().toMillis();
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
        } catch (TimeoutException e) {
            throw new SinkException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                    + settings.timeout().toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new SinkException("Kafka at " + settings.bootstrapServers() + " refused: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while creating topics", e);
        }
    }

    /** An admin client on the settings' brokers with their timeout. */
    static Admin admin(KafkaSinkSettings settings, String clientId) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.timeout().toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, settings.timeout().toMillis()),
                AdminClientConfig.CLIENT_ID_CONFIG, clientId));
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
