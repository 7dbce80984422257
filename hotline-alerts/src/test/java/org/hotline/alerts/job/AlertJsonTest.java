package org.hotline.alerts.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.classify.serde.JsonSerializer;
import org.junit.jupiter.api.Test;

/** Alerts travel between operators and sit in state as JSON: NaN p-values and infinite thresholds included. */
class AlertJsonTest {

    @Test
    void anAlertSurvivesTheJsonSerializerWithItsId() throws Exception {
        LocalDate day = LocalDate.parse("2026-03-01");
        Alert alert = Alert.of(AlertKind.HIGH_FREQUENCY, "城乡建设/供热", List.of("西城区", "东城区"), day, day, 40,
                Double.POSITIVE_INFINITY, 40, Double.NaN, new Evidence(List.of("暖气"), List.of("r-1"), "note"));
        JsonSerializer<Alert> serializer = new JsonSerializer<>(Alert.class);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(alert, out);

        Alert back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back.id()).isEqualTo(alert.id());
        assertThat(back.districts()).containsExactly("东城区", "西城区");
        assertThat(back.pValue()).isNaN();
        assertThat(back.expected()).isInfinite();
        assertThat(back.evidence()).isEqualTo(alert.evidence());
    }

    @Test
    void settingsComeFromTheConfiguration() {
        AlertSettings settings = AlertSettings.from(org.hotline.models.config.HotlineConfig.defaults()
                .with(java.util.Map.of("alerts.commonMinDistricts", "2", "alerts.seriesTtl", "P30D")));
        assertThat(settings.commonMinDistricts()).isEqualTo(2);
        assertThat(settings.seriesTtlDays()).isEqualTo(30);
        assertThat(settings.days().zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(settings.outOfOrderness()).hasMinutes(10);
    }
}
