package org.hotline.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.models.config.HotlineConfig;
import org.hotline.web.TinyModel;
import org.hotline.web.WebServer;
import org.hotline.web.auth.PasswordHash;
import org.hotline.web.auth.Role;
import org.hotline.web.auth.WebUser;
import org.hotline.web.auth.WebUsers;
import org.hotline.web.domain.Trends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in and roles over a real socket, with the backends of the handler tests. */
class AccessControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final FakeAlertDesk DESK = new FakeAlertDesk()
            .with(FakeAlertDesk.alert("a-1", "COMMON", AlertStatus.OPEN))
            .with(FakeAlertDesk.alert("a-2", "SEASONAL", AlertStatus.OPEN));
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        WebUsers users = WebUsers.parse(List.of(
                user("wangmin", "op-secret", Role.OPERATOR),
                user("li", "an-secret", Role.ANALYST),
                user("李分析", "双重身份", Role.OPERATOR, Role.ANALYST)), "test users");
        WebServer.Backends backends = new WebServer.Backends(TinyModel.suggester(), 5, TinyModel::tokens,
                (tokens, size) -> List.of(),
                query -> new Trends(1, "2026-03-01", "2026-03-01", null, List.of("2026-03-01"), List.of(), 0, 0),
                DESK);
        server = WebServer.start("127.0.0.1", 0, backends, users, List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String user(String name, String password, Role... roles) {
        PasswordHash hash = PasswordHash.create(password.toCharArray(), 1000);
        return new WebUser(name, Set.of(roles), hash).line();
    }

    @Test
    void withoutCredentialsEveryPathIs401WithTheChallenge() throws Exception {
        for (String path : new String[] {"/", "/dashboard", "/static/app.css", "/api/trends", "/nothing"}) {
            HttpResponse<String> response = get(path, null, null);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"hotline\""));
        }
        assertThat(post("/api/suggest", "{\"content\":\"路灯坏了\"}", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordOrUnknownNameIs401() throws Exception {
        assertThat(get("/api/trends", "li", "op-secret").statusCode()).isEqualTo(401);
        assertThat(get("/api/trends", "zhao", "an-secret").statusCode()).isEqualTo(401);
        assertThat(get("/api/trends", "li", "").statusCode()).isEqualTo(401);
    }

    @Test
    void anOperatorMayUseTheConsoleButNotTheDashboard() throws Exception {
        HttpResponse<String> suggest = post("/api/suggest", "{\"content\":\"路灯坏了，晚上很黑\"}", "wangmin", "op-secret");
        HttpResponse<String> trends = get("/api/trends", "wangmin", "op-secret");
        HttpResponse<String> dashboard = get("/dashboard", "wangmin", "op-secret");

        assertThat(suggest.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(suggest.body()).get("suggestions")).hasSize(5);
        assertThat(get("/", "wangmin", "op-secret").statusCode()).isEqualTo(200);
        assertThat(trends.statusCode()).isEqualTo(403);
        assertThat(trends.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(error(trends)).isEqualTo("/api/trends needs the analyst role; wangmin has operator");
        assertThat(dashboard.statusCode()).isEqualTo(403);
        assertThat(dashboard.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(dashboard.body()).startsWith("403 forbidden: /dashboard needs the analyst role");
        assertThat(post("/api/alerts/a-2/ack", "{}", "wangmin", "op-secret").statusCode()).isEqualTo(403);
        assertThat(DESK.alerts.get("a-2").status()).isEqualTo(AlertStatus.OPEN);
    }

    @Test
    void anAnalystMayUseTheDashboardButNotTheConsole() throws Exception {
        HttpResponse<String> trends = get("/api/trends", "li", "an-secret");

        assertThat(trends.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(trends.body()).get("level").asInt()).isEqualTo(1);
        assertThat(get("/dashboard", "li", "an-secret").statusCode()).isEqualTo(200);
        assertThat(get("/api/alerts?status=open", "li", "an-secret").statusCode()).isEqualTo(200);
        assertThat(get("/", "li", "an-secret").statusCode()).isEqualTo(403);
        assertThat(get("/api/similar?text=%E8%B7%AF%E7%81%AF", "li", "an-secret").statusCode()).isEqualTo(403);
    }

    @Test
    void everySignedInUserGetsTheSharedAssetsAndTheUsual404s() throws Exception {
        assertThat(get("/static/app.css", "li", "an-secret").statusCode()).isEqualTo(200);
        assertThat(get("/static/console.js", "wangmin", "op-secret").statusCode()).isEqualTo(200);
        assertThat(get("/nothing", "wangmin", "op-secret").statusCode()).isEqualTo(404);
        HttpResponse<String> api = get("/api/nothing", "li", "an-secret");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(error(api)).isEqualTo("no such endpoint /api/nothing");
    }

    @Test
    void anAlertChangeRecordsTheSignedInUserNotTheBodysBy() throws Exception {
        HttpResponse<String> response = post("/api/alerts/a-1/ack", "{\"by\":\"somebody else\",\"note\":\"已转供热办\"}",
                "李分析", "双重身份");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode alert = JSON.readTree(response.body()).get("alert");
        assertThat(alert.get("statusBy").asText()).isEqualTo("李分析");
        assertThat(alert.get("statusNote").asText()).isEqualTo("已转供热办");
        assertThat(DESK.alerts.get("a-1").statusBy()).isEqualTo("李分析");
        assertThat(post("/api/suggest", "{\"content\":\"噪音\"}", "李分析", "双重身份").statusCode()).isEqualTo(200);
    }

    @Test
    void aUsersFileThatIsMalformedOrEmptyStopsTheStart(@TempDir Path dir) throws Exception {
        Path malformed = dir.resolve("users");
        Files.write(malformed, List.of("# users", "wangmin:operator"), StandardCharsets.UTF_8);
        Path empty = Files.writeString(dir.resolve("empty"), "# nobody yet\n");

        assertThatThrownBy(() -> WebServer.start(config("web.users", malformed.toString()), TinyModel.classifier()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("users file " + malformed + ": line 2: expected name:role");
        assertThatThrownBy(() -> WebServer.start(config("web.users", empty.toString()), TinyModel.classifier()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no users");
    }

    private static HotlineConfig config(String key, String value) {
        return HotlineConfig.defaults().with(Map.of(key, value, "web.port", "0"));
    }

    private static HttpResponse<String> get(String path, String name, String password) throws Exception {
        return HTTP.send(request(path, name, password).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json, String name, String password)
            throws Exception {
        return HTTP.send(request(path, name, password).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** With Basic credentials in UTF-8, as browsers send them when the challenge asks for it; none for a null name. */
    private static HttpRequest.Builder request(String path, String name, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
        if (name != null) {
            String credentials = name + ":" + password;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").asText();
    }
}
