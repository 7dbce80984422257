package org.hotline.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.api.Responses.ok;
import static org.hotline.web.api.Responses.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;
import org.hotline.web.TinyModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SuggestHandlerTest {
    private final SuggestHandler handler = new SuggestHandler(TinyModel.suggester(), 5);

    @Test
    void answersRankedPathsWithDepartmentSlaAndTheModel() {
        JsonNode body = ok(handler, ApiRequest.post("/api/suggest",
                "{\"title\":\"小区夜间施工噪音扰民\",\"content\":\"工地每天晚上施工到凌晨，噪音很大，影响休息。\",\"topK\":3}"));

        assertThat(body.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("suggestions", "needsReview", "modelVersion", "tookMicros");
        assertThat(body.get("suggestions")).hasSize(3);
        JsonNode best = body.get("suggestions").get(0);
        TaxonomyNode node = Taxonomy.loadDefault().require(strings(best.get("path")));
        assertThat(best.get("score").asDouble()).isBetween(0.0, 1.0)
                .isGreaterThanOrEqualTo(body.get("suggestions").get(1).get("score").asDouble());
        assertThat(best.get("department").asText()).isEqualTo(node.department());
        assertThat(best.get("slaDays").asInt()).isEqualTo(node.slaDays());
        assertThat(body.get("needsReview").isBoolean()).isTrue();
        assertThat(body.get("modelVersion").asText()).isEqualTo(TinyModel.classifier().version());
        assertThat(body.get("tookMicros").asLong()).isNotNegative();
    }

    @Test
    void takesTheConfiguredTopKWhenNoneIsAskedAndAcceptsATitleAlone() {
        JsonNode body = ok(handler, ApiRequest.post("/api/suggest", "{\"title\":\"路灯不亮\"}"));

        assertThat(body.get("suggestions")).hasSize(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}|title or content is required",
        "{\"title\":\"  \",\"content\":\"\"}|title or content is required",
        "{\"content\":42}|content must be a string, not number",
        "{\"content\":\"x\",\"topK\":0}|topK must be from 1 to 20, not 0",
        "{\"content\":\"x\",\"topK\":21}|topK must be from 1 to 20, not 21",
        "{\"content\":\"x\",\"topK\":\"5\"}|topK must be a whole number",
        "{\"content\":\"x\",\"topK\":2.5}|topK must be a whole number",
        "[\"x\"]|the body must be a JSON object",
        "{\"content\":|the body is not JSON",
    })
    void refusesBadInputWithA400ThatSaysWhy(String json, String message) {
        ApiException refusal = refusal(handler, ApiRequest.post("/api/suggest", json));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.getMessage()).contains(message);
    }

    @Test
    void refusesTextLongerThanIntakeAllows() {
        String content = "噪".repeat(Params.MAX_TEXT_CHARS + 1);

        ApiException refusal = refusal(handler, ApiRequest.post("/api/suggest", "{\"content\":\"" + content + "\"}"));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.getMessage()).isEqualTo("content is 20001 characters, at most 20000");
    }

    @Test
    void onlyPostIsAllowed() {
        ApiException refusal = refusal(handler, ApiRequest.get("/api/suggest", Map.of("content", "x")));

        assertThat(refusal.status()).isEqualTo(405);
        assertThat(refusal.allowedMethods()).containsExactly("POST");
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
