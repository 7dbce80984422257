package org.hotline.web.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link ApiHandler} behind the JDK's HTTP server: reads the body (413 above {@value #MAX_BODY_BYTES}
 * bytes), insists on JSON for POST (so that a plain cross-site form cannot post), and writes the response or
 * {@code {"error": …}} with its status. The only class of the API that sees {@link HttpExchange}.
 */
public final class JsonEndpoint implements HttpHandler {
    /** A demand's text fields fit in the 64 KiB intake allows a record. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JsonEndpoint.class);

    private final String path;
    private final boolean withSubPaths;
    private final ApiHandler handler;

    /** @param withSubPaths whether {@code path/…} goes to the handler too (else only {@code path} itself) */
    public JsonEndpoint(String path, boolean withSubPaths, ApiHandler handler) {
        this.path = path;
        this.withSubPaths = withSubPaths;
        this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                response = handler.handle(request(exchange));
            } catch (ApiException e) {
                if (!e.allowedMethods().isEmpty()) {
                    exchange.getResponseHeaders().set("Allow", String.join(", ", e.allowedMethods()));
                }
                response = ApiResponse.error(e.status(), e.getMessage());
            } catch (IOException e) {
                LOG.warn("{} {}: a backend is unavailable", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = ApiResponse.error(503, "Elasticsearch is unavailable: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = ApiResponse.error(500, "internal error: " + e.getClass().getSimpleName()
                        + " (details in the server log)");
            }
            send(exchange, response);
        }
    }

    private ApiRequest request(HttpExchange exchange) throws IOException {
        String requestPath = exchange.getRequestURI().getPath();
        if (!requestPath.equals(path) && !(withSubPaths && requestPath.startsWith(path + "/"))) {
            throw ApiException.notFound("no such endpoint " + requestPath);
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (method.equals("POST")) {
            requireJson(exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        return new ApiRequest(method, requestPath, ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
                body(exchange), user(exchange));
    }

    /** Who signed in, when there is access control ({@link AccessControl}). */
    private static String user(HttpExchange exchange) {
        HttpPrincipal principal = exchange.getPrincipal();
        return principal == null ? null : principal.getUsername();
    }

    private static void requireJson(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "send the body as Content-Type: application/json, not " + contentType);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (declared != null && parseLength(declared) > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge(declared);
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge("more than " + MAX_BODY_BYTES);
            }
            return body;
        }
    }

    /**
     * Reads what the client is still sending (up to a cap), else it sees a reset instead of the 413. By read, not
     * skip: the server's body stream passes skip to the socket, past the end of the request.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = MAX_DRAIN_BYTES;
        for (int n = in.read(buffer); n > 0 && left > 0; n = in.read(buffer)) {
            left -= n;
        }
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad Content-Length '" + header + "'");
        }
    }

    private static ApiException tooLarge(String size) {
        return new ApiException(413, "the body is " + size + " bytes, at most " + MAX_BODY_BYTES);
    }

    static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] json = Json.write(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(response.status(), json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
