package org.hotline.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class SeriesAlerterTest {

    private final DailySeries series = Synthetic.weekly(LocalDate.of(2022, 1, 3), 800, 20, 0.5, 5);

    @Test
    void aSpikeIsSeasonalAndAThresholdCrossingIsHighFrequency() {
        AlertRules rules = new AlertRules(3, 3.0, null, Map.of("供热", new AlertRules.NodeRule(60.0, null)));
        SeriesAlerter alerter = new SeriesAlerter(rules, HolidayCalendar.NONE);
        int day = series.size() - 1;
        DailySeries spiked = Synthetic.withCount(series, day, 70);
        List<Alert> alerts = alerter.alerts("供热/暖气", "A1区", spiked, day, 500,
                new Evidence(List.of("暖气"), List.of("r1"), ""));
        assertThat(alerts).extracting(Alert::kind).containsExactlyInAnyOrder(AlertKind.SEASONAL,
                AlertKind.HIGH_FREQUENCY);
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.districts()).containsExactly("A1区");
            assertThat(a.evidence().exampleRecordIds()).containsExactly("r1");
            assertThat(a.windowEnd()).isEqualTo(spiked.date(day));
        });
        assertThat(alerter.alerts("供热/暖气", "A1区", series, day, 500, Evidence.NONE)).isEmpty();
    }

    @Test
    void aSparseSeriesNeedsASignificantCountNotJustAboveAnAllZeroWeek() {
        SeriesAlerter alerter = new SeriesAlerter(AlertRules.defaults(), HolidayCalendar.NONE);
        DailySeries zeros = Synthetic.weekly(LocalDate.of(2026, 1, 5), 60, 0, 0, 1);
        int day = zeros.size() - 1;

        for (int count = 1; count <= 4; count++) {
            assertThat(alerter.alerts("环境保护/噪音", "A1区", Synthetic.withCount(zeros, day, count), day, 50,
                    Evidence.NONE)).as("count %d", count).isEmpty();
        }
        List<Alert> alerts = alerter.alerts("环境保护/噪音", "A1区", Synthetic.withCount(zeros, day, 6), day, 50,
                Evidence.NONE);
        assertThat(alerts).singleElement().satisfies(alert -> {
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
        assertThat(new SeriesAlerter(lenient, HolidayCalendar.NONE).alerts("环境保护/噪音", "A1区",
                Synthetic.withCount(zeros, day, 2), day, 50, Evidence.NONE)).extracting(Alert::kind)
                .containsExactly(AlertKind.SEASONAL);
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
