package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.StoredAlert;
import org.hotline.web.api.JsonEndpoint;
import org.hotline.web.domain.AlertDesk;
import org.hotline.web.domain.Trends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP side over a real socket, with backends that need no engine: limits, methods, errors, pages. */
class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        AlertDesk noAlerts = new AlertDesk() {
            @Override
            public List<StoredAlert> list(AlertStore.Filter filter) {
                return List.of();
            }

            @Override
            public long count(AlertStore.Filter filter) {
                return 0;
            }

            @Override
            public StoredAlert transition(String id, AlertStatus.Transition t, String by, String note) {
                throw new IllegalArgumentException("no alert with id " + id);
            }
        };
        WebServer.Backends backends = new WebServer.Backends(TinyModel.suggester(), 5, TinyModel::tokens,
                (tokens, size) -> List.of(),
                query -> new Trends(1, "2026-03-01", "2026-03-01", null, List.of("2026-03-01"), List.of(), 0, 0),
                noAlerts);
        server = WebServer.start("127.0.0.1", 0, backends, List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void knowsItsUrlOnTheFreePortItGot() {
        assertThat(server.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(server.url().getPort()).isPositive();
    }

    @Test
    void suggestsOverHttp() throws Exception {
        HttpResponse<String> response = post("/api/suggest", "{\"content\":\"路灯坏了，晚上很黑\"}", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(JSON.readTree(response.body()).get("suggestions")).hasSize(5);
    }

    @Test
    void aHugeBodyIs413() throws Exception {
        String huge = "{\"content\":\"" + "噪".repeat(JsonEndpoint.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> response = post("/api/suggest", huge, "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response)).startsWith("the body is ").endsWith("at most 65536");
    }

    @Test
    void postsMustBeJson() throws Exception {
        HttpResponse<String> response = post("/api/suggest", "content=x", "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error(response)).contains("Content-Type: application/json");
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> response = get("/api/suggest");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(error(response)).isEqualTo("GET is not allowed on /api/suggest; use POST");
    }

    @Test
    void badInputIs400AndUnknownEndpointsAJson404() throws Exception {
        assertThat(post("/api/suggest", "{\"content\":", "application/json").statusCode()).isEqualTo(400);
        assertThat(get("/api/similar?text=%E8%B7%AF%E7%81%AF&size=99").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = get("/api/suggestions");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing)).isEqualTo("no such endpoint /api/suggestions");
        assertThat(error(get("/api/nothing"))).isEqualTo("no such endpoint /api/nothing");
        assertThat(error(post("/api/alerts/x/ack", "{}", "application/json"))).isEqualTo("no alert with id x");
    }

    @Test
    void servesBothPagesAndTheirAssetsFromTheClasspath() throws Exception {
        HttpResponse<String> console = get("/");
        HttpResponse<String> dashboard = get("/dashboard");
        HttpResponse<String> script = get("/static/console.js");

        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(console.body()).contains("受理台", "/static/console.js").doesNotContain("http://", "https://");
        assertThat(dashboard.body()).contains("分析看板", "/static/dashboard.js").doesNotContain("https://");
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("/static/app.css").statusCode()).isEqualTo(200);
        assertThat(get("/static/../WebServer.class").statusCode()).isEqualTo(404);
        assertThat(get("/static/missing.js").statusCode()).isEqualTo(404);
        assertThat(post("/", "{}", "application/json").statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return server.url().resolve(path);
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.get("error").asText();
    }
}
