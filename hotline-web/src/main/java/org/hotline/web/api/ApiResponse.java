package org.hotline.web.api;

import java.util.Map;

/** What a handler answers: a status and a body that becomes JSON. */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    /** The one error shape of the API: {@code {"error": "…"}}. */
    public static ApiResponse error(int status, String message) {
        return new ApiResponse(status, Map.of("error", message));
    }
}
