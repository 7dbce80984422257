package org.hotline.alerts.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
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

    /** One record a week for 8 weeks, then {@code daily} records on each following day. */
    private static DailySeries daily(int... daily) {
        double[] counts = new double[8 * 7 + daily.length];
        for (int t = 0; t < 8 * 7; t += 7) {
            counts[t] = 1;
        }
        for (int i = 0; i < daily.length; i++) {
            counts[8 * 7 + i] = daily[i];
        }
        return new DailySeries("node", LocalDate.of(2024, 1, 1), counts);
    }

    @Test
    void anEpisodeStartsOnceOnTheFirstDayItIsSeen() {
        GrowthDetector detector = GrowthDetector.standard();
        DailySeries series = daily(1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        List<Integer> growthDays = new ArrayList<>();
        List<Integer> onsets = new ArrayList<>();
        for (int day = 0; day < series.size(); day++) {
            if (detector.detect(series, day).isPresent()) {
                growthDays.add(day);
            }
            if (detector.onset(series, day).isPresent()) {
                onsets.add(day);
            }
        }
        assertThat(growthDays).hasSizeGreaterThan(3);
        assertThat(onsets).containsExactly(growthDays.get(0));
        assertThat(detector.alert("环境保护/噪音", "东城区", series, onsets.get(0), Evidence.NONE))
                .hasValueSatisfying(alert -> {
                    assertThat(alert.kind()).isEqualTo(AlertKind.EMERGING);
                    assertThat(alert.windowEnd()).isEqualTo(series.date(onsets.get(0)));
                    assertThat(alert.windowStart()).isEqualTo(series.date(onsets.get(0) - 20));
                });
    }

    @Test
    void growthFirstSeenOnASilentDayStartsOnTheNextDayWithDemands() {
        GrowthDetector detector = GrowthDetector.standard();
        DailySeries series = daily(1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        int first = -1;
        for (int day = 0; day < series.size() && first < 0; day++) {
            if (detector.detect(series, day).isPresent()) {
                first = day;
            }
        }
        // The same counts with the first growth day silent (its records moved to the day after): growth is still
        // visible that day, but a stream decides nothing on it, so the episode starts on the next day.
        double[] counts = series.countsCopy();
        counts[first + 1] += counts[first];
        counts[first] = 0;
        DailySeries shifted = new DailySeries("node", series.start(), counts);
        assertThat(detector.detect(shifted, first)).isPresent();
        assertThat(detector.onset(shifted, first + 1)).isPresent();
    }
}
