package org.hotline.web.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two pages and their scripts and style, from classpath resources: {@code /} the operator console,
 * {@code /dashboard} the analyst view, {@code /static/NAME}. Nothing is fetched from elsewhere, so the pages work
 * offline.
 */
public final class StaticPages implements HttpHandler {
    private static final String ROOT = "/org/hotline/web/static/";
    private static final Map<String, String> PAGES = Map.of("/", "console.html", "/dashboard", "dashboard.html");
    private static final Pattern ASSET = Pattern.compile("/static/([a-z][a-z0-9-]*\\.(css|js|svg))");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(exchange, 405, "405 method not allowed");
                return;
            }
            String resource = resourceOf(exchange.getRequestURI().getPath());
            byte[] bytes = resource == null ? null : read(resource);
            if (bytes == null) {
                sendText(exchange, 404, "404 not found: " + exchange.getRequestURI().getPath());
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(extension(resource)));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** The resource name of a request path, or null when there is none. */
    static String resourceOf(String path) {
        if (PAGES.containsKey(path)) {
            return PAGES.get(path);
        }
        var asset = ASSET.matcher(path);
        return asset.matches() ? asset.group(1) : null;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = StaticPages.class.getResourceAsStream(ROOT + resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String extension(String resource) {
        return resource.substring(resource.lastIndexOf('.') + 1);
    }

    static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
