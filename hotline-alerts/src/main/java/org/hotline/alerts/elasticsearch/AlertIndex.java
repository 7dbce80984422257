package org.hotline.alerts.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hotline.classify.elasticsearch.ElasticsearchConfig;
import org.hotline.classify.elasticsearch.RecordIndex;

/** The {@code hotline-alerts} index: its strict mapping and its idempotent creation (shared with the record index). */
public final class AlertIndex {
    private static final String MAPPINGS_RESOURCE = "hotline-alerts-mappings.json";

    private AlertIndex() {}

    /**
     * Creates {@code config.index()} (the alert index) with the alert mapping unless it exists.
     *
     * @return true when this call created it
     */
    public static boolean ensureExists(ElasticsearchClient client, ElasticsearchConfig config) throws IOException {
        return RecordIndex.ensureExists(client, config.index(), config.shards(), config.replicas(), mappings());
    }

    public static String createIndexBody(int shards, int replicas) {
        return RecordIndex.createIndexBody(shards, replicas, mappings());
    }

    /** The strict mapping: a field not listed is refused, so a typo never creates a field. */
    public static JsonNode mappings() {
        try (InputStream in = AlertIndex.class.getResourceAsStream(MAPPINGS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MAPPINGS_RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
