package org.hotline.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class SeriesAlerterTest {

    private final DailySeries series = Synthetic.weekly(LocalDate.of(2022, 1, 3), 800, 20, 0.5, 5);

    @Test
    void aSpikeIsSeasonalWithTheDaysEvidence() {
        SeriesAlerter alerter = new SeriesAlerter(AlertRules.defaults(), HolidayCalendar.NONE);
        int day = series.size() - 1;
        DailySeries spiked = Synthetic.withCount(series, day, 70);
        Alert alert = alerter.alert("供热/暖气", "A1区", spiked, day, new Evidence(List.of("暖气"), List.of("r1"), ""))
                .orElseThrow();
        assertThat(alert.kind()).isEqualTo(AlertKind.SEASONAL);
        assertThat(alert.districts()).containsExactly("A1区");
        assertThat(alert.evidence().exampleRecordIds()).containsExactly("r1");
        assertThat(alert.windowEnd()).isEqualTo(spiked.date(day));
        assertThat(alerter.alert("供热/暖气", "A1区", series, day, Evidence.NONE)).isEmpty();
    }

    @Test
    void aSparseSeriesNeedsASignificantCountNotJustAboveAnAllZeroWeek() {
        SeriesAlerter alerter = new SeriesAlerter(AlertRules.defaults(), HolidayCalendar.NONE);
        DailySeries zeros = Synthetic.weekly(LocalDate.of(2026, 1, 5), 60, 0, 0, 1);
        int day = zeros.size() - 1;

        for (int count = 1; count <= 4; count++) {
            assertThat(alerter.alert("环境保护/噪音", "A1区", Synthetic.withCount(zeros, day, count), day,
                    Evidence.NONE)).as("count %d", count).isEmpty();
        }
        assertThat(alerter.alert("环境保护/噪音", "A1区", Synthetic.withCount(zeros, day, 6), day, Evidence.NONE))
                .hasValueSatisfying(alert -> {
                    assertThat(alert.kind()).isEqualTo(AlertKind.SEASONAL);
                    // P(X ≥ 6) for Poisson(0.5): the expected count is floored at one demand every two days.
                    assertThat(alert.pValue()).isCloseTo(1.4164e-5, org.assertj.core.api.Assertions.within(1e-8));
                });
    }

    @Test
    void theSeasonalGateIsAnAnalystsSetting() throws Exception {
        AlertRules lenient = AlertRules.parse("{\"seasonalMinCount\": 1, \"seasonalMaxPValue\": 1}");
        DailySeries zeros = Synthetic.weekly(LocalDate.of(2026, 1, 5), 60, 0, 0, 1);
        int day = zeros.size() - 1;
        assertThat(new SeriesAlerter(lenient, HolidayCalendar.NONE).alert("环境保护/噪音", "A1区",
                Synthetic.withCount(zeros, day, 2), day, Evidence.NONE)).map(Alert::kind)
                .contains(AlertKind.SEASONAL);
    }

    @Test
    void keepingOnlyTheHistoryWindowGivesTheSameDecision() {
        DailySeries longSeries = Synthetic.weekly(LocalDate.of(2019, 1, 7), 1400, 20, 0.5, 8);
        var detector = new org.hotline.alerts.detect.RegressionScanDetector(HolidayCalendar.NONE, 3.2);
        DailySeries kept = longSeries.tail(SeriesAlerter.HISTORY_DAYS);
        assertThat(detector.score(kept, kept.size() - 1))
                .isEqualTo(detector.score(longSeries, longSeries.size() - 1));
    }
}
