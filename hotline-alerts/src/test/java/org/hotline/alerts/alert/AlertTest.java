package org.hotline.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Test
    void idDependsOnKindPathDistrictsAndWindowOnly() {
        Alert a = Alert.of(AlertKind.COMMON, "城乡建设/供热", List.of("A3区", "A1区"), DAY, DAY.plusDays(6), 40, 10, 5,
                Double.NaN, Evidence.note("x"));
        Alert b = Alert.of(AlertKind.COMMON, "城乡建设/供热", List.of("A1区", "A3区"), DAY, DAY.plusDays(6), 99, 1, 1,
                0.01, Evidence.note("y"));
        assertThat(a.id()).isEqualTo(b.id()).hasSize(64);
        assertThat(a.districts()).containsExactly("A1区", "A3区");
        Alert otherWindow = Alert.of(AlertKind.COMMON, "城乡建设/供热", List.of("A1区", "A3区"), DAY, DAY.plusDays(5),
                40, 10, 5, Double.NaN, Evidence.NONE);
        Alert otherKind = Alert.of(AlertKind.SEASONAL, "城乡建设/供热", List.of("A1区", "A3区"), DAY, DAY.plusDays(6),
                40, 10, 5, Double.NaN, Evidence.NONE);
        assertThat(otherWindow.id()).isNotEqualTo(a.id());
        assertThat(otherKind.id()).isNotEqualTo(a.id());
    }

    @Test
    void rejectsAnIdThatDoesNotMatchTheContent() {
        assertThatThrownBy(() -> new Alert("bogus", AlertKind.EMERGING, "p", List.of(), DAY, DAY, 1, 1, 1, 1,
                Evidence.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rulesApplyToSubtreesAndLoadFromJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("rules.json");
        Files.writeString(json, """
                {"commonDistricts": 4,
                 "defaultNode": {"minDailyCount": 50},
                 "nodes": {"城乡建设": {"maxDailyShare": 0.3}, "城乡建设/供热": {"minDailyCount": 5}}}
                """);
        AlertRules rules = AlertRules.load(json);
        assertThat(rules.commonDistricts()).isEqualTo(4);
        assertThat(rules.seasonalThreshold()).isEqualTo(org.hotline.alerts.detect.RegressionScanDetector.DEFAULT_THRESHOLD);
        assertThat(rules.ruleFor("城乡建设/供热/暖气不热").minDailyCount()).isEqualTo(5);
        assertThat(rules.ruleFor("城乡建设/物业").maxDailyShare()).isEqualTo(0.3);
        assertThat(rules.ruleFor("教育文体").minDailyCount()).isEqualTo(50);
        assertThat(rules.ruleFor("城乡建设/物业").isHighFrequency(10, 30)).isTrue();
        assertThat(rules.ruleFor("城乡建设/物业").isHighFrequency(10, 100)).isFalse();
    }
}
