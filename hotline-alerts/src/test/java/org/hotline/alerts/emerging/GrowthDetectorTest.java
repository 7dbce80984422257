package org.hotline.alerts.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class GrowthDetectorTest {

    private static DailySeries weeks(double baselinePerDay, double... lastThreeWeeksPerDay) {
        double[] counts = new double[11 * 7];
        for (int t = 0; t < 8 * 7; t++) {
            counts[t] = t % 7 == 0 ? baselinePerDay * 7 : 0;
        }
        for (int w = 0; w < 3; w++) {
            for (int d = 0; d < 7; d++) {
                counts[8 * 7 + w * 7 + d] = d == 0 ? lastThreeWeeksPerDay[w] * 7 : 0;
            }
        }
        return new DailySeries("node", LocalDate.of(2024, 1, 1), counts);
    }

    @Test
    void flagsALowCountNodeGrowingFasterEachWeek() {
        DailySeries series = weeks(1.0 / 7, 3.0 / 7, 6.0 / 7, 14.0 / 7); // 1/week → 3 → 6 → 14
        var growth = GrowthDetector.standard().detect(series, series.size() - 1);
        assertThat(growth).isPresent();
        assertThat(growth.get().lastWeek()).isEqualTo(14);
        assertThat(growth.get().baselineWeekly()).isEqualTo(1);
    }

    @Test
    void ignoresSteadyOrDeceleratingOrLargeNodes() {
        GrowthDetector detector = GrowthDetector.standard();
        DailySeries decelerating = weeks(1.0 / 7, 3.0 / 7, 12.0 / 7, 14.0 / 7);
        assertThat(detector.detect(decelerating, decelerating.size() - 1)).isEmpty();
        DailySeries large = weeks(50.0 / 7, 60.0 / 7, 80.0 / 7, 120.0 / 7);
        assertThat(detector.detect(large, large.size() - 1)).isEmpty();
    }
}
