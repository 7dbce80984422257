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
        return ensureExists(client, config.index(), createIndexBody(config.shards(), config.replicas()));
    }

    /**
     * Creates {@code index} from a create-index request body (settings and mappings) unless it exists. Safe when
     * several writers race to create it; shared by every index the pipeline owns.
     *
     * @return true when this call created it
     */
    public static boolean ensureExists(ElasticsearchClient client, String index, String createBody)
            throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            return false;
        }
        try {
            client.indices().create(c -> c.index(index).withJson(new StringReader(createBody)));
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
        return createIndexBody(shards, replicas, mappings());
    }

    /** A create-index request body of any index: settings (shards, replicas) and the given mappings. */
    public static String createIndexBody(int shards, int replicas, JsonNode mappings) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("settings").putObject("index")
                .put("number_of_shards", shards)
                .put("number_of_replicas", replicas);
        body.set("mappings", mappings);
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
