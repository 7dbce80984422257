package org.hotline.web.api;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/me} → {@code {"user": "王分析"}}, or {@code {"user": null}} without sign-in. The dashboard shows
 * the signed-in name as the one its status changes are recorded under, instead of asking for one.
 */
public final class MeHandler implements ApiHandler {
    public static final String PATH = "/api/me";

    @Override
    public ApiResponse handle(ApiRequest request) {
        request.requireMethod("GET");
        Map<String, Object> body = new HashMap<>();
        body.put("user", request.user());
        return ApiResponse.ok(body);
    }
}
