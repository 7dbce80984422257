package org.hotline.alerts.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.junit.jupiter.api.Test;

class AlertDocumentTest {
    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-03-01");

    static Alert alert(String district, double observed) {
        return Alert.of(AlertKind.SEASONAL, "城乡建设/供热", List.of(district), DAY, DAY, observed, 5.5, 4.2, Double.NaN,
                new Evidence(List.of("暖气", "不热"), List.of("r-1", "r-2"), "40 demands, 5.5 expected"));
    }

    @Test
    void aNewAlertIsOpenWithEveryMappedFieldAndNoNonFiniteNumbers() {
        Map<String, Object> doc = AlertDocument.created(alert("东城区", 40), NOW);

        assertThat(doc).containsEntry("status", "open")
                .containsEntry("kind", "SEASONAL")
                .containsEntry("nodePath", "城乡建设/供热")
                .containsEntry("nodeLevel", 2)
                .containsEntry("districts", List.of("东城区"))
                .containsEntry("windowStart", "2026-03-01")
                .containsEntry("observed", 40.0)
                .containsEntry("firstSeenAt", "2026-03-02T01:00:00Z")
                .containsEntry("lastSeenAt", "2026-03-02T01:00:00Z")
                .containsEntry("topPhrases", List.of("暖气", "不热"))
                .containsEntry("exampleRecordIds", List.of("r-1", "r-2"))
                .doesNotContainKey("pValue");
        assertThat(doc.get("id")).isEqualTo(alert("东城区", 40).id());
        // Every field written is in the strict mapping, and the mapping has the lifecycle fields too.
        JsonNode properties = AlertIndex.mappings().get("properties");
        assertThat(AlertIndex.mappings().get("dynamic").asText()).isEqualTo("strict");
        TreeSet<String> mapped = new TreeSet<>();
        properties.fieldNames().forEachRemaining(mapped::add);
        assertThat(mapped).containsAll(doc.keySet()).contains("statusBy", "statusNote", "updatedAt", "pValue");
        assertThat(properties.get("nodePath").get("type").asText()).isEqualTo("keyword");
        assertThat(properties.get("windowEnd").get("type").asText()).isEqualTo("date");
    }

    @Test
    void aRepeatSightingTouchesOnlyLastSeenAndObserved() {
        assertThat(AlertDocument.seenAgain(alert("东城区", 42), NOW))
                .containsOnlyKeys("lastSeenAt", "observed")
                .containsEntry("observed", 42.0);
    }

    @Test
    void createIndexBodyHasZeroReplicasWhenAsked() {
        assertThat(AlertIndex.createIndexBody(1, 0)).contains("\"number_of_replicas\":0").contains("\"strict\"");
    }
}
