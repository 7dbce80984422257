package org.hotline.alerts.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
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
 * Retries of 429/5xx are {@link RetryingBulk}'s; an alert refused for good is logged and counted.
 */
public final class AlertBulkWriter implements BatchWriter<Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertBulkWriter.class);

    private final RetryingBulk bulk;
    private final Clock clock;
    private long created;
    private long seenAgain;

    public AlertBulkWriter(RetryingBulk bulk, Clock clock) {
        this.bulk = bulk;
        this.clock = clock;
    }

    /** Connects to the cluster and creates the alert index ({@code config.index()}) when it is missing. */
    public static AlertBulkWriter open(ElasticsearchConfig config) throws IOException {
        ElasticsearchClient client = ElasticsearchClients.connect(config);
        try {
            AlertIndex.ensureExists(client, config);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return new AlertBulkWriter(new RetryingBulk(BulkSender.over(client, config.index()), config.maxRetries(),
                config.initialBackoffMillis(), Thread::sleep), Clock.systemUTC());
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
        for (BulkSender.ItemResult result : bulk.send(creates)) {
            if (result.succeeded()) {
                written++;
                created++;
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
        return new BulkResult(written, failed);
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
