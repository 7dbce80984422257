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
     * Creates the index with its mapping unless it exists; an existing index gets the fields this version added.
     * Safe when several sink writers race to create it.
     *
     * @return true when this call created it
     */
    public boolean ensureExists() throws IOException {
        return ensureExists(client, config.index(), config.shards(), config.replicas(), mappings());
    }

    /**
     * Creates {@code index} with these settings and mappings unless it exists. An existing index, made by an older
     * version, gets the mapping put on it: Elasticsearch adds the new fields (a strict mapping refuses documents
     * with fields it lacks) and refuses a changed type, which is then reported with what to do. Safe when several
     * writers race to create it; shared by every index the pipeline owns.
     *
     * @return true when this call created it
     */
    public static boolean ensureExists(ElasticsearchClient client, String index, int shards, int replicas,
                                       JsonNode mappings) throws IOException {
        if (!client.indices().exists(e -> e.index(index)).value()) {
            try {
                client.indices().create(c -> c.index(index)
                        .withJson(new StringReader(createIndexBody(shards, replicas, mappings))));
                return true;
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e;
                }
            }
        }
        try {
            client.indices().putMapping(p -> p.index(index).withJson(new StringReader(mappings.toString())));
        } catch (ElasticsearchException e) {
            throw new IOException("index " + index + " exists with a mapping this version cannot extend ("
                    + e.error().reason() + "); reindex it into a new index, or delete it and replay the topic", e);
        }
        return false;
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
