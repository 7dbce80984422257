package org.hotline.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hotline.web.domain.Suggester;

/** {@code POST /api/suggest {"title":…, "content":…, "topK":5}} → ranked suggestions with department and SLA. */
public final class SuggestHandler implements ApiHandler {
    public static final int MAX_TOP_K = 20;

    private final Suggester suggester;
    private final int defaultTopK;

    public SuggestHandler(Suggester suggester, int defaultTopK) {
        this.suggester = suggester;
        this.defaultTopK = Params.within("classify.topK", defaultTopK, 1, MAX_TOP_K);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        request.requireMethod("POST");
        ObjectNode body = Json.object(request.body());
        String title = Json.text(body, "title", Params.MAX_TEXT_CHARS);
        String content = Json.text(body, "content", Params.MAX_TEXT_CHARS);
        int topK = Json.integer(body, "topK", defaultTopK, 1, MAX_TOP_K);
        if (title == null && content == null) {
            throw ApiException.badRequest("title or content is required (both are missing or blank)");
        }
        return ApiResponse.ok(suggester.suggest(title, content, topK));
    }
}
