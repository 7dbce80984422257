package org.hotline.alerts.periodic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.SeriesAlerter;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class PeriodicityDetectorTest {

    private final PeriodicityDetector detector = PeriodicityDetector.standard();

    /** Heating-like series: 10 a day, 60 a day from about 15 October (± a few days) to 15 March. */
    private static DailySeries heating(LocalDate end, int years, long seed) {
        Random random = new Random(seed);
        LocalDate start = end.minusYears(years).plusDays(1);
        int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
        double[] counts = new double[days];
        int shift = 0;
        for (int t = 0; t < days; t++) {
            LocalDate date = start.plusDays(t);
            if (date.getDayOfYear() == 1) {
                shift = random.nextInt(7) - 3;
            }
            int doy = date.getDayOfYear();
            boolean season = doy >= 288 + shift || doy <= 74;
            counts[t] = Synthetic.poisson(random, season ? 60 : 10);
        }
        return new DailySeries("heating", start, counts);
    }

    @Test
    void findsTheWeeklyPeriodAndNoMonthlyOne() {
        DailySeries weekly = Synthetic.weekly(LocalDate.of(2023, 1, 2), 365, 40, 0.4, 3);
        List<PeriodicityDetector.Period> periods = detector.periods(weekly);
        assertThat(periods).extracting(PeriodicityDetector.Period::name).contains("weekly").doesNotContain("monthly");
    }

    @Test
    void findsTheYearlyRiseAndItsNextOnset() {
        DailySeries series = heating(LocalDate.of(2024, 9, 30), 4, 1);
        PeriodicityDetector.YearlyRise rise = detector.yearlyRise(series);
        assertThat(rise).isNotNull();
        assertThat(rise.pastOnsets()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rise.nextOnset()).isBetween(LocalDate.of(2024, 10, 8), LocalDate.of(2024, 10, 22));
        assertThat(detector.periods(series)).extracting(PeriodicityDetector.Period::name).contains("yearly");
    }

    @Test
    void warnsAheadListingTheDistrictsAboutToRise() {
        LocalDate asOf = LocalDate.of(2024, 10, 5);
        Map<String, DailySeries> byDistrict = Map.of("A1区", heating(asOf, 4, 1), "A2区", heating(asOf, 4, 2),
                "A3区", Synthetic.weekly(asOf.minusDays(4 * 365 - 1), 4 * 365, 20, 1.0, 3));
        List<Alert> alerts = detector.warnAhead("城乡建设/供热", byDistrict);
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.PERIODIC);
        assertThat(alert.districts()).containsExactly("A1区", "A2区");
        assertThat(alert.score()).isBetween(3.0, 17.0);
        assertThat(alert.evidence().note()).contains("past onsets");
        assertThat(detector.warnAhead("城乡建设/供热", Map.of("A1区", heating(LocalDate.of(2024, 7, 1), 4, 1))))
                .as("too far ahead").isEmpty();
    }

    @Test
    void warningAheadOfTheRiseNeedsThreeYearsOfHistory() {
        DailySeries series = heating(LocalDate.of(2024, 10, 1), 4, 1);
        assertThat(detector.upcomingRise(series.tail(PeriodicityDetector.HISTORY_DAYS)))
                .hasValueSatisfying(rise -> assertThat(rise.nextOnset()).isEqualTo(LocalDate.of(2024, 10, 14)));
        // Two years and two months (what SEASONAL needs): the current year's block has no rise yet, so one onset.
        assertThat(detector.upcomingRise(series.tail(SeriesAlerter.HISTORY_DAYS))).isEmpty();
        assertThat(detector.upcomingRise(heating(LocalDate.of(2024, 9, 1), 4, 1))).as("too far ahead").isEmpty();
    }

    @Test
    void chanceAgreementOfOnsetsInSparseNoiseIsNotAYearlyRise() {
        int agreeing = 0;
        int periodic = 0;
        for (int seed = 0; seed < 200; seed++) {
            DailySeries noise = Synthetic.weekly(LocalDate.of(2022, 1, 1), PeriodicityDetector.HISTORY_DAYS, 0.2, 1.0,
                    seed);
            if (detector.yearlyRise(noise) != null) {
                agreeing++;
                periodic += detector.hasYearlyPeriod(noise) ? 1 : 0;
            }
        }
        assertThat(agreeing).as("onsets agreeing by chance").isGreaterThan(20);
        assertThat(periodic).as("of which with a yearly period").isLessThanOrEqualTo(2);
    }
}
