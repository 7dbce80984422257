package org.hotline.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.api.Responses.ok;
import static org.hotline.web.api.Responses.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ConcurrentModificationException;
import java.util.Map;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.alerts.elasticsearch.StoredAlert;
import org.hotline.web.domain.AlertDesk;
import org.junit.jupiter.api.Test;

class AlertsHandlerTest {
    private final FakeAlertDesk desk = new FakeAlertDesk()
            .with(FakeAlertDesk.alert("a-1", "COMMON", AlertStatus.OPEN))
            .with(FakeAlertDesk.alert("a-2", "SEASONAL", AlertStatus.RESOLVED));
    private final AlertsHandler handler = new AlertsHandler(desk);

    @Test
    void listsWithTheFiltersAsked() {
        JsonNode body = ok(handler, ApiRequest.get("/api/alerts",
                Map.of("status", "open", "kind", "common", "since", "2026-02-01", "limit", "50")));

        assertThat(desk.filters).containsExactly(
                new AlertStore.Filter(AlertStatus.OPEN, AlertKind.COMMON, LocalDate.parse("2026-02-01"), 50));
        JsonNode alert = body.get("alerts").get(0);
        assertThat(body.get("alerts")).hasSize(1);
        assertThat(alert.get("id").asText()).isEqualTo("a-1");
        assertThat(alert.get("kind").asText()).isEqualTo("COMMON");
        assertThat(alert.get("status").asText()).isEqualTo("open");
        assertThat(alert.get("districts")).hasSize(2);
        assertThat(alert.get("observed").asDouble()).isEqualTo(40.0);
        assertThat(alert.has("expected")).as("NaN is left out").isFalse();
        assertThat(alert.has("seqNo")).isFalse();
    }

    @Test
    void acknowledgesAndResolvesRecordingWhoAndWhy() {
        JsonNode acked = ok(handler, ApiRequest.post("/api/alerts/a-1/ack", "{\"by\":\"李分析\",\"note\":\"已通知供热公司\"}"));
        JsonNode resolved = ok(handler, ApiRequest.post("/api/alerts/a-1/resolve", "{\"by\":\"李分析\"}"));

        assertThat(acked.get("alert").get("status").asText()).isEqualTo("acknowledged");
        assertThat(acked.get("alert").get("statusBy").asText()).isEqualTo("李分析");
        assertThat(acked.get("alert").get("statusNote").asText()).isEqualTo("已通知供热公司");
        assertThat(resolved.get("alert").get("status").asText()).isEqualTo("resolved");
        assertThat(ok(handler, ApiRequest.post("/api/alerts/a-1/reopen", "")).get("alert").get("status").asText())
                .isEqualTo("open");
    }

    @Test
    void aSignedInUserIsTheOneRecordedWhateverTheBodySays() {
        JsonNode acked = ok(handler, ApiRequest.post("/api/alerts/a-1/ack", "{\"by\":7,\"note\":\"已核实\"}")
                .withUser("王分析"));

        assertThat(acked.get("alert").get("statusBy").asText()).isEqualTo("王分析");
        assertThat(acked.get("alert").get("statusNote").asText()).isEqualTo("已核实");
    }

    @Test
    void aTransitionTheStoreRefusesIsA409WithItsMessage() {
        ApiException refusal = refusal(handler, ApiRequest.post("/api/alerts/a-2/ack", "{}"));

        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.getMessage()).isEqualTo("cannot acknowledge alert a-2: it is resolved");
    }

    @Test
    void aConcurrentChangeIsA409Too() {
        AlertDesk racing = new FakeAlertDesk() {
            @Override
            public StoredAlert transition(String id, AlertStatus.Transition t, String by, String note) {
                throw new ConcurrentModificationException("alert a-1 changed while it was being acknowledged");
            }
        };

        ApiException refusal = refusal(new AlertsHandler(racing), ApiRequest.post("/api/alerts/a-1/ack", "{}"));

        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.getMessage()).contains("changed while");
    }

    @Test
    void unknownAlertsActionsAndMethodsAreRefused() {
        assertThat(refusal(handler, ApiRequest.post("/api/alerts/nope/ack", "{}")).status()).isEqualTo(404);
        assertThat(refusal(handler, ApiRequest.post("/api/alerts/a-1/delete", "{}")).status()).isEqualTo(404);
        assertThat(refusal(handler, ApiRequest.post("/api/alerts/a-1", "{}")).status()).isEqualTo(404);
        ApiException get = refusal(handler, ApiRequest.get("/api/alerts/a-1/ack", Map.of()));
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.allowedMethods()).containsExactly("POST");
        assertThat(refusal(handler, ApiRequest.post("/api/alerts", "{}")).allowedMethods()).containsExactly("GET");
    }

    @Test
    void badFiltersAre400s() {
        assertThat(refusal(handler, ApiRequest.get("/api/alerts", Map.of("status", "closed"))).getMessage())
                .contains("unknown alert status 'closed'");
        assertThat(refusal(handler, ApiRequest.get("/api/alerts", Map.of("kind", "LOUD"))).getMessage())
                .contains("unknown alert kind 'LOUD'");
        assertThat(refusal(handler, ApiRequest.get("/api/alerts", Map.of("limit", "5000"))).status()).isEqualTo(400);
        assertThat(refusal(handler, ApiRequest.post("/api/alerts/a-1/ack", "{\"by\":7}")).getMessage())
                .isEqualTo("by must be a string, not number");
    }
}
