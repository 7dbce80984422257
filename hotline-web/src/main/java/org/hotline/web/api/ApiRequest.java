package org.hotline.web.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One API call as a handler sees it, without the HTTP server: method, path, decoded query parameters (the first
 * value of a repeated one), the body, and who signed in.
 *
 * @param user the signed-in user's name; null without access control ({@code web.users} blank)
 */
public record ApiRequest(String method, String path, Map<String, String> query, byte[] body, String user) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    public static ApiRequest get(String path, Map<String, String> query) {
        return new ApiRequest("GET", path, query, null, null);
    }

    public static ApiRequest post(String path, String json) {
        return new ApiRequest("POST", path, Map.of(), json.getBytes(StandardCharsets.UTF_8), null);
    }

    /** This request, made by the signed-in user {@code name}. */
    public ApiRequest withUser(String name) {
        return new ApiRequest(method, path, query, body, name);
    }

    /** @throws ApiException 405 unless the method is one of {@code allowed} */
    public void requireMethod(String... allowed) {
        if (!List.of(allowed).contains(method)) {
            throw ApiException.methodNotAllowed(method, path, List.of(allowed));
        }
    }

    /** {@code a=1&b=%E4%BD%A0} → {a=1, b=你}; the first value of a repeated name wins. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                query.putIfAbsent(name, value);
            }
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed query string: " + e.getMessage());
        }
    }
}
