package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.hotline.app.engines.EmbeddedElasticsearch;
import org.hotline.app.engines.EnginesExtension;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.records.HotlineRecord;
import org.hotline.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The web server as started from the demo, over real HTTP, on a real Elasticsearch with tagged records and alerts. */
@ExtendWith(EnginesExtension.class)
class WebServerITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static WebServer server;
    private static List<HotlineRecord> records;

    @BeforeAll
    static void start(EmbeddedElasticsearch elasticsearch) throws Exception {
        HotlineConfig config = WebFixtures.config(elasticsearch);
        records = WebFixtures.indexRecords(config);
        WebFixtures.indexAlerts(config);
        server = WebServer.start(config, WebFixtures.classifier());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void suggestsRankedPathsWithTheLoadedModel() throws Exception {
        JsonNode body = ok(post("/api/suggest", "{\"title\":\"工地夜间施工噪音扰民\",\"content\":\""
                + WebFixtures.NOISE_QUERY + "\",\"topK\":3}"));

        assertThat(body.get("suggestions")).hasSize(3);
        assertThat(body.get("suggestions").get(0).get("path").size()).isBetween(1, 4);
        assertThat(body.get("suggestions").get(0).get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.get("modelVersion").asText()).isEqualTo(WebFixtures.classifier().version());
        assertThat(body.get("tookMicros").asLong()).isLessThan(1_000_000);
    }

    @Test
    void findsTheSimilarPastCaseWithItsReply() throws Exception {
        JsonNode body = ok(get("/api/similar?size=3&text=" + encode(WebFixtures.NOISE_QUERY)));

        JsonNode best = body.get("cases").get(0);
        assertThat(best.get("id").asText()).isEqualTo(WebFixtures.NOISE_CASE);
        assertThat(best.get("title").asText()).isEqualTo("工地夜间施工噪音扰民");
        assertThat(best.get("district").asText()).isEqualTo("江滨区");
        assertThat(best.get("receivedAt").asText()).startsWith("2026-03-20T22:40");
        assertThat(best.get("path").size()).isPositive();
        assertThat(best.get("reply").get("text").asText()).isEqualTo(WebFixtures.NOISE_REPLY);
        assertThat(best.get("reply").get("department").asText()).isEqualTo("区住建局");
        assertThat(best.get("reply").get("repliedAt").asText()).startsWith("2026-03-23T10:00");
    }

    @Test
    void aCaseStillOpenComesWithoutAReplyAndPostWorksToo() throws Exception {
        JsonNode body = ok(post("/api/similar", "{\"title\":\"路灯坏了\",\"content\":\"解放路的路灯一个星期不亮，晚上一片漆黑\"}"));

        JsonNode best = body.get("cases").get(0);
        assertThat(best.get("id").asText()).isEqualTo(WebFixtures.LAMP_CASE);
        assertThat(best.has("reply")).isFalse();
    }

    @Test
    void countsEachDayPerLevelOneNodeAndTheOpenAlerts() throws Exception {
        JsonNode body = ok(get("/api/trends?level=1&days=30"));

        LocalDate from = WebFixtures.LAST_DAY.minusDays(29);
        long expected = records.stream().map(r -> r.receivedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                .toLocalDate()).filter(day -> !day.isBefore(from) && !day.isAfter(WebFixtures.LAST_DAY)).count();
        assertThat(body.get("to").asText()).as("the newest record's day").isEqualTo(WebFixtures.LAST_DAY.toString());
        assertThat(body.get("from").asText()).isEqualTo(from.toString());
        assertThat(body.get("dates")).hasSize(30);
        assertThat(body.get("total").asLong()).isEqualTo(expected).isPositive();
        long sum = 0;
        for (JsonNode series : body.get("series")) {
            long perDay = StreamSupport.stream(series.get("counts").spliterator(), false).mapToLong(JsonNode::asLong).sum();
            assertThat(series.get("counts")).hasSize(30);
            assertThat(perDay).as(series.get("node").asText()).isEqualTo(series.get("total").asLong());
            sum += perDay;
        }
        assertThat(sum).isEqualTo(expected);
        assertThat(ok(get("/api/trends?level=2&days=7&district=" + encode("江滨区"))).get("district").asText())
                .isEqualTo("江滨区");
    }

    @Test
    void forecastsTheWeekAfterTheLastDayForEveryNodeFromItsCounts() throws Exception {
        JsonNode body = ok(get("/api/trends?level=1&days=30"));

        assertThat(body.get("series")).isNotEmpty();
        for (JsonNode series : body.get("series")) {
            String node = series.get("node").asText();
            JsonNode forecast = series.get("forecast");
            assertThat(forecast).as(node).hasSize(7);
            double weekExpected = 0;
            for (int h = 0; h < 7; h++) {
                JsonNode day = forecast.get(h);
                assertThat(day.get("date").asText()).as(node)
                        .isEqualTo(WebFixtures.LAST_DAY.plusDays(h + 1).toString());
                assertThat(day.get("lower").asDouble()).as(node).isNotNegative()
                        .isLessThanOrEqualTo(day.get("expected").asDouble());
                assertThat(day.get("upper").asDouble()).as(node).isGreaterThanOrEqualTo(day.get("expected").asDouble());
                weekExpected += day.get("expected").asDouble();
            }
            // a week of the level of the last four weeks, give or take the weekday and holiday factors
            double lastFourWeeks = StreamSupport.stream(series.get("counts").spliterator(), false).skip(2)
                    .mapToLong(JsonNode::asLong).sum();
            assertThat(weekExpected).as(node).isBetween(0.5 * lastFourWeeks / 4, 1.5 * lastFourWeeks / 4);
        }
        JsonNode earlier = ok(get("/api/trends?level=1&days=30&to=2026-03-31&forecast=3")).get("series").get(0);
        assertThat(earlier.get("forecast")).extracting(day -> day.get("date").asText())
                .containsExactly("2026-04-01", "2026-04-02", "2026-04-03");
        assertThat(ok(get("/api/trends?forecast=0")).get("series").get(0).get("forecast")).isEmpty();
        HttpResponse<String> refused = get("/api/trends?forecast=15");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error").asText())
                .isEqualTo("forecast must be from 0 to 14, not 15");
    }

    @Test
    void anAnalystAcknowledgesResolvesAndReopensAnAlert() throws Exception {
        JsonNode open = ok(get("/api/alerts?status=open&kind=COMMON")).get("alerts");
        assertThat(open).hasSize(1);
        String id = open.get(0).get("id").asText();
        long openBefore = ok(get("/api/trends")).get("openAlerts").asLong();

        JsonNode acked = ok(post("/api/alerts/" + id + "/ack", "{\"by\":\"李分析\",\"note\":\"已转供热办\"}"));
        HttpResponse<String> again = post("/api/alerts/" + id + "/ack", "{\"by\":\"王分析\"}");
        long openAfter = ok(get("/api/trends")).get("openAlerts").asLong();
        JsonNode resolved = ok(post("/api/alerts/" + id + "/resolve", "{\"by\":\"李分析\"}"));
        JsonNode reopened = ok(post("/api/alerts/" + id + "/reopen", "{\"by\":\"李分析\",\"note\":\"又有来电\"}"));

        assertThat(openBefore).isEqualTo(2);
        assertThat(acked.get("alert").get("status").asText()).isEqualTo("acknowledged");
        assertThat(acked.get("alert").get("statusBy").asText()).isEqualTo("李分析");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("error").asText()).startsWith("cannot acknowledge alert " + id);
        assertThat(openAfter).isEqualTo(1);
        assertThat(resolved.get("alert").get("status").asText()).isEqualTo("resolved");
        assertThat(reopened.get("alert").get("status").asText()).isEqualTo("open");
        assertThat(post("/api/alerts/no-such-alert/ack", "{}").statusCode()).isEqualTo(404);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.url().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.url().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
