package org.hotline.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.api.Responses.ok;
import static org.hotline.web.api.Responses.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.web.TinyModel;
import org.hotline.web.domain.SimilarCase;
import org.hotline.web.domain.SimilarCases;
import org.junit.jupiter.api.Test;

class SimilarHandlerTest {
    private static final SimilarCase ANSWERED = new SimilarCase("r-1", 7.5, "夜间施工扰民", "工地每天晚上施工…",
            List.of("城乡建设", "建筑施工"), "江滨区", "2026-03-01T22:10:00+08:00",
            new SimilarCase.Reply("已责令停工。", "2026-03-03T10:00:00+08:00", "区住建局"));
    private static final SimilarCase OPEN = new SimilarCase("r-2", 3.1, null, "噪音", List.of(), null, null, null);

    private final List<List<String>> asked = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private final SimilarCases cases = (tokens, size) -> {
        asked.add(tokens);
        sizes.add(size);
        return List.of(ANSWERED, OPEN);
    };
    private final SimilarHandler handler = new SimilarHandler(cases, TinyModel::tokens);

    @Test
    void searchesWithTheModelsTokensAndAnswersCasesWithTheirReplies() {
        JsonNode body = ok(handler, ApiRequest.get("/api/similar", Map.of("text", "小区夜间施工噪音扰民", "size", "3")));

        assertThat(asked).containsExactly(TinyModel.tokens("小区夜间施工噪音扰民"));
        assertThat(sizes).containsExactly(3);
        JsonNode first = body.get("cases").get(0);
        assertThat(first.get("id").asText()).isEqualTo("r-1");
        assertThat(first.get("path")).hasSize(2);
        assertThat(first.get("reply").get("text").asText()).isEqualTo("已责令停工。");
        assertThat(first.get("reply").get("department").asText()).isEqualTo("区住建局");
        assertThat(body.get("cases").get(1).has("reply")).as("no reply, no key").isFalse();
    }

    @Test
    void postJoinsTitleAndContentAsTheIndexDid() {
        ok(handler, ApiRequest.post("/api/similar", "{\"title\":\"路灯不亮\",\"content\":\"晚上很黑\"}"));

        assertThat(asked).containsExactly(TinyModel.tokens("路灯不亮\n晚上很黑"));
        assertThat(sizes).containsExactly(5);
    }

    @Test
    void punctuationAloneFindsNothingWithoutAskingTheIndex() {
        JsonNode body = ok(handler, ApiRequest.get("/api/similar", Map.of("text", "！？。")));

        assertThat(body.get("cases")).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void refusesMissingTextBadSizesAndOtherMethods() {
        assertThat(refusal(handler, ApiRequest.get("/api/similar", Map.of())).getMessage())
                .isEqualTo("text is required (missing or blank)");
        assertThat(refusal(handler, ApiRequest.get("/api/similar", Map.of("text", "x", "size", "0"))).getMessage())
                .isEqualTo("size must be from 1 to 20, not 0");
        assertThat(refusal(handler, ApiRequest.get("/api/similar", Map.of("text", "x", "size", "many"))).getMessage())
                .startsWith("size must be a whole number");
        assertThat(refusal(handler, ApiRequest.post("/api/similar", "{\"size\":3}")).getMessage())
                .startsWith("title or content is required");
        ApiException delete = refusal(handler, new ApiRequest("DELETE", "/api/similar", Map.of(), null, null));
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.allowedMethods()).containsExactly("GET", "POST");
    }
}
