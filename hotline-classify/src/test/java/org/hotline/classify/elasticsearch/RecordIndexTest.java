package org.hotline.classify.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RecordIndexTest {
    private final JsonNode properties = RecordIndex.mappings().get("properties");

    @Test
    void rejectsFieldsTheMappingDoesNotName() {
        assertThat(RecordIndex.mappings().get("dynamic").asText()).isEqualTo("strict");
    }

    @Test
    void mapsTaxonomyAndFilterFieldsAsKeywords() {
        for (String field : new String[] {"id", "path", "level1", "level2", "level3", "leaf", "labels", "channel",
            "district", "street", "department", "modelVersion"}) {
            assertThat(properties.get(field).get("type").asText()).as(field).isEqualTo("keyword");
        }
        assertThat(properties.get("suggestions").get("properties").get("path").get("type").asText())
                .isEqualTo("keyword");
        assertThat(properties.get("caller").get("properties").get("phone").get("type").asText())
                .isEqualTo("keyword");
    }

    @Test
    void analysesHanlpTokensOnWhitespaceAndRawTextWithTheStandardAnalyzer() {
        assertThat(properties.get("tokens").get("analyzer").asText()).isEqualTo("whitespace");
        assertThat(properties.get("title").get("analyzer").asText()).isEqualTo("standard");
        assertThat(properties.get("content").get("analyzer").asText()).isEqualTo("standard");
    }

    @Test
    void typesDatesNumbersFlagsAndLocation() {
        assertThat(properties.get("receivedAt").get("type").asText()).isEqualTo("date");
        assertThat(properties.get("taggedAt").get("type").asText()).isEqualTo("date");
        assertThat(properties.get("score").get("type").asText()).isEqualTo("float");
        assertThat(properties.get("needsReview").get("type").asText()).isEqualTo("boolean");
        assertThat(properties.get("enterprise").get("type").asText()).isEqualTo("boolean");
        assertThat(properties.get("location").get("type").asText()).isEqualTo("geo_point");
    }

    @Test
    void createBodyCarriesShardsReplicasAndTheMapping() throws Exception {
        JsonNode body = new ObjectMapper().readTree(RecordIndex.createIndexBody(2, 1));

        assertThat(body.at("/settings/index/number_of_shards").asInt()).isEqualTo(2);
        assertThat(body.at("/settings/index/number_of_replicas").asInt()).isEqualTo(1);
        assertThat(body.get("mappings")).isEqualTo(RecordIndex.mappings());
    }
}
