package org.hotline.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hotline.web.domain.SimilarCases;

/**
 * {@code GET /api/similar?text=…&size=5} or {@code POST /api/similar {"title":…, "content":…, "size":5}} →
 * {@code {"cases": […]}}: past demands with the most words in common, cut by the model's segmenter.
 */
public final class SimilarHandler implements ApiHandler {
    public static final int MAX_SIZE = 20;
    private static final int DEFAULT_SIZE = 5;

    private final SimilarCases cases;
    private final Function<String, List<String>> segmenter;

    public SimilarHandler(SimilarCases cases, Function<String, List<String>> segmenter) {
        this.cases = cases;
        this.segmenter = segmenter;
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws IOException {
        request.requireMethod("GET", "POST");
        String text;
        int size;
        if (request.method().equals("GET")) {
            text = Params.text(request.query(), "text", Params.MAX_TEXT_CHARS);
            size = Params.integer(request.query(), "size", DEFAULT_SIZE, 1, MAX_SIZE);
            if (text == null) {
                throw ApiException.badRequest("text is required (missing or blank)");
            }
        } else {
            ObjectNode body = Json.object(request.body());
            text = joined(Json.text(body, "title", Params.MAX_TEXT_CHARS),
                    Json.text(body, "content", Params.MAX_TEXT_CHARS));
            size = Json.integer(body, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        }
        List<String> tokens = segmenter.apply(text);
        return ApiResponse.ok(Map.of("cases", tokens.isEmpty() ? List.of() : cases.find(tokens, size)));
    }

    /** Title and content as the record index saw them (title, newline, content). */
    private static String joined(String title, String content) {
        if (title == null && content == null) {
            throw ApiException.badRequest("title or content is required (both are missing or blank)");
        }
        return title == null ? content : content == null ? title : title + "\n" + content;
    }
}
