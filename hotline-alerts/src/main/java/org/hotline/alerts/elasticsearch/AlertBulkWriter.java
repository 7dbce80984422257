package org.hotline.alerts.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.alerts.alert.Alert;
import org.hotline.classify.elasticsearch.BatchWriter;
import org.hotline.classify.elasticsearch.BulkSender;
import org.hotline.classify.elasticsearch.ElasticsearchClients;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;
import org.hotline.classify.elasticsearch.RetryingBulk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes alerts with their lifecycle in mind: each alert is first created (op_type=create, status open); an id that
 * exists already (409: the same situation seen again, e.g. a replay) gets a partial-document update of lastSeenAt
 * and observed only, so an analyst's acknowledged or resolved status is never overwritten. No scripts needed.
 * Retries of 429/5xx are {@link RetryingBulk}'s; an alert refused for good is logged and counted. Alerts the index
 * sees for the first time go to {@link FirstSightings} (e-mail): a replay or a repeat sighting is never mailed again,
 * and who was told is stored with the alert ({@code mailedTo}).
 */
public final class AlertBulkWriter implements BatchWriter<Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertBulkWriter.class);

    private final RetryingBulk bulk;
    private final Clock clock;
    private final FirstSightings firstSightings;
    private long created;
    private long seenAgain;

    /** Told of alerts created in the index; answers, per alert id, the addresses that were told. */
    @FunctionalInterface
    public interface FirstSightings {
        FirstSightings NONE = created -> Map.of();

        Map<String, List<String>> told(List<Alert> created);

        /** How a Flink sink, which must be serializable, makes one in each of its writers. */
        interface Factory extends java.io.Serializable {
            Factory NONE = () -> FirstSightings.NONE;

            FirstSightings open();
        }
    }

    public AlertBulkWriter(RetryingBulk bulk, Clock clock, FirstSightings firstSightings) {
        this.bulk = bulk;
        this.clock = clock;
        this.firstSightings = firstSightings;
    }

    /** Connects to the cluster and creates the alert index ({@code config.index()}) when it is missing. */
    public static AlertBulkWriter open(ElasticsearchConfig config) throws IOException {
        return open(config, FirstSightings.NONE);
    }

    /** As {@link #open(ElasticsearchConfig)}, telling {@code firstSightings} of every new alert. */
    public static AlertBulkWriter open(ElasticsearchConfig config, FirstSightings firstSightings)
            throws IOException {
        ElasticsearchClient client = ElasticsearchClients.connect(config);
        try {
            AlertIndex.ensureExists(client, config);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return new AlertBulkWriter(new RetryingBulk(BulkSender.over(client, config.index()), config.maxRetries(),
                config.initialBackoffMillis(), Thread::sleep), Clock.systemUTC(), firstSightings);
    }

    @Override
    public BulkResult write(List<Alert> batch) throws IOException, InterruptedException {
        Map<String, Alert> byId = new LinkedHashMap<>();
        batch.forEach(alert -> byId.put(alert.id(), alert)); // the last sighting in the batch wins
        var now = clock.instant();
        List<BulkSender.Operation> creates = new ArrayList<>(byId.size());
        byId.values().forEach(alert -> creates.add(new BulkSender.Operation(BulkSender.Operation.Type.CREATE,
                alert.id(), AlertDocument.created(alert, now))));
        int written = 0;
        int failed = 0;
        List<BulkSender.Operation> updates = new ArrayList<>();
        List<Alert> firstSeen = new ArrayList<>();
        for (BulkSender.ItemResult result : bulk.send(creates)) {
            if (result.succeeded()) {
                written++;
                created++;
                firstSeen.add(byId.get(result.id()));
            } else if (result.status() == 409) {
                updates.add(new BulkSender.Operation(BulkSender.Operation.Type.UPDATE, result.id(),
                        AlertDocument.seenAgain(byId.get(result.id()), now)));
            } else {
                failed++;
                LOG.error("alert {} not written (status {}): {}", result.id(), result.status(), result.error());
            }
        }
        if (!updates.isEmpty()) {
            for (BulkSender.ItemResult result : bulk.send(updates)) {
                if (result.succeeded()) {
                    written++;
                    seenAgain++;
                } else {
                    failed++;
                    LOG.error("alert {} seen again but not updated (status {}): {}", result.id(), result.status(),
                            result.error());
                }
            }
        }
        if (!firstSeen.isEmpty()) {
            recordWhoWasTold(firstSightings.told(firstSeen), now);
        }
        return new BulkResult(written, failed);
    }

    /** The alert is written already; a failure here only loses the note of who was told, so it is logged. */
    private void recordWhoWasTold(Map<String, List<String>> told, Instant now) throws IOException,
            InterruptedException {
        List<BulkSender.Operation> notes = new ArrayList<>(told.size());
        told.forEach((id, addresses) -> notes.add(new BulkSender.Operation(BulkSender.Operation.Type.UPDATE, id,
                AlertDocument.mailed(addresses, now))));
        for (BulkSender.ItemResult result : bulk.send(notes)) {
            if (!result.succeeded()) {
                LOG.warn("alert {} was mailed but the note of it not stored (status {}): {}", result.id(),
                        result.status(), result.error());
            }
        }
    }

    /** Alerts created since this writer was opened. */
    public long created() {
        return created;
    }

    /** Alerts that existed already and were marked seen again. */
    public long seenAgain() {
        return seenAgain;
    }

    @Override
    public void close() throws IOException {
        bulk.close();
    }
}
