package org.hotline.classify.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;

/** The {@code hotline-records} index: its explicit mapping and its idempotent creation. */
public final class RecordIndex {
    private static final String MAPPINGS_RESOURCE = "hotline-records-mappings.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private final ElasticsearchConfig config;

    public RecordIndex(ElasticsearchClient client, ElasticsearchConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * Creates the index with its mapping unless it exists. Safe when several sink writers race to create it.
     *
     * @return true when this call created it
     */
    public boolean ensureExists() throws IOException {
        if (client.indices().exists(e -> e.index(config.index())).value()) {
            return false;
        }
        String body = createIndexBody(config.shards(), config.replicas());
        try {
            client.indices().create(c -> c.index(config.index()).withJson(new StringReader(body)));
            return true;
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return false;
            }
            throw e;
        }
    }

    /** The create-index request body: settings (shards, replicas) and the mapping resource. */
    public static String createIndexBody(int shards, int replicas) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("settings").putObject("index")
                .put("number_of_shards", shards)
                .put("number_of_replicas", replicas);
        body.set("mappings", mappings());
        return body.toString();
    }

    /** The explicit, strict mapping of a record document. */
    public static JsonNode mappings() {
        try (InputStream in = RecordIndex.class.getResourceAsStream(MAPPINGS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MAPPINGS_RESOURCE);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
