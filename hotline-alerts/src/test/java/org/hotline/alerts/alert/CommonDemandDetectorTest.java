package org.hotline.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonDemandDetectorTest {

    private static final LocalDate DAY = LocalDate.of(2024, 11, 10);

    private static Alert seasonal(String node, String district, LocalDate day) {
        return Alert.of(AlertKind.SEASONAL, node, List.of(district), day, day, 10, 3, 4, Double.NaN,
                new Evidence(List.of("暖气不热"), List.of(district + "-1"), ""));
    }

    @Test
    void aNodeAlarmingInKDistrictsWithinTheWindowIsCommon() {
        List<Alert> alerts = List.of(seasonal("供热", "A1区", DAY), seasonal("供热", "A2区", DAY.minusDays(2)),
                seasonal("供热", "A3区", DAY.minusDays(6)), seasonal("物业", "A1区", DAY),
                seasonal("物业", "A2区", DAY));
        List<Alert> common = new CommonDemandDetector(3, 7).detect(alerts, DAY);
        assertThat(common).hasSize(1);
        Alert alert = common.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.COMMON);
        assertThat(alert.nodePath()).isEqualTo("供热");
        assertThat(alert.districts()).containsExactly("A1区", "A2区", "A3区");
        assertThat(alert.evidence().exampleRecordIds()).contains("A1区-1");
        assertThat(alert.windowStart()).isEqualTo(DAY.minusDays(6));
    }

    @Test
    void alarmsOutsideTheWindowDoNotCount() {
        List<Alert> alerts = List.of(seasonal("供热", "A1区", DAY), seasonal("供热", "A2区", DAY),
                seasonal("供热", "A3区", DAY.minusDays(7)));
        assertThat(new CommonDemandDetector(3, 7).detect(alerts, DAY)).isEmpty();
        assertThat(new CommonDemandDetector(2, 7).detect(alerts, DAY)).hasSize(1);
    }
}
