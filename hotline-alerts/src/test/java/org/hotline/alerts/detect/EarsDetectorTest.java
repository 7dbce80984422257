package org.hotline.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class EarsDetectorTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void c1ComparesTodayWithTheSevenDaysBefore() {
        DailySeries series = DailySeries.of("s", START, 10, 12, 10, 12, 10, 12, 10, 20);
        Decision decision = EarsDetector.c1().score(series, 7);
        double mean = 76 / 7.0;
        double sd = Math.sqrt((3 * Math.pow(12 - mean, 2) + 4 * Math.pow(10 - mean, 2)) / 6);
        assertThat(decision.expected()).isCloseTo(mean, within(1e-9));
        assertThat(decision.statistic()).isCloseTo((20 - mean) / sd, within(1e-9));
        assertThat(decision.upper()).isCloseTo(mean + 3 * sd, within(1e-9));
        assertThat(decision.alarm()).isTrue();
        assertThat(EarsDetector.c1().score(flatWeek(11), 7).alarm()).isFalse();
    }

    @Test
    void c2IgnoresTheTwoDaysJustBeforeToday() {
        // a spike 2 days ago is inside C1's baseline but outside C2's
        DailySeries series = DailySeries.of("s", START, 10, 11, 10, 11, 10, 11, 10, 11, 40, 10, 25);
        EarsDetector c2 = EarsDetector.c2();
        assertThat(c2.warmUpDays()).isEqualTo(9);
        assertThat(c2.score(series, 10).expected()).isCloseTo(74 / 7.0, within(1e-9)); // days 1..7
        assertThat(c2.score(series, 10).alarm()).isTrue();
        assertThat(EarsDetector.c1().score(series, 10).alarm()).as("C1's baseline holds the 40").isFalse();
    }

    @Test
    void c3SumsTheExcessesOfThreeDays() {
        double[] counts = new double[14];
        for (int t = 0; t < 14; t++) {
            counts[t] = t % 2 == 0 ? 10 : 12;
        }
        counts[11] = 14;
        counts[12] = 14;
        counts[13] = 14;
        DailySeries series = new DailySeries("s", START, counts);
        double c2Today = EarsDetector.c2().score(series, 13).statistic();
        Decision c3 = EarsDetector.c3().score(series, 13);
        assertThat(c3.statistic()).isGreaterThan(Math.max(0, c2Today - 1));
        assertThat(c3.alarm()).isEqualTo(c3.statistic() > 2);
    }

    @Test
    void flatZeroBaselineStillGivesAFiniteScore() {
        DailySeries series = DailySeries.of("s", START, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3);
        Decision decision = EarsDetector.c2().score(series, 9);
        assertThat(decision.statistic()).isEqualTo(6.0); // (3 - 0) / minimum SD 0.5
        assertThat(decision.alarm()).isTrue();
    }

    private static DailySeries flatWeek(double today) {
        return DailySeries.of("s", START, 10, 12, 10, 12, 10, 12, 10, today);
    }
}
