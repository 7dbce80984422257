package org.hotline.alerts.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.calendar.ChinaHolidayCalendar;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class ForecasterTest {
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);
    private static final Forecaster FORECASTER = new Forecaster(HolidayCalendar.NONE);

    @Test
    void forecastsTheWeekdayPatternWithIntervalsAroundIt() {
        DailySeries series = Synthetic.weekly(LocalDate.of(2022, 1, 3), 800, 50, 0.4, 9);
        List<Forecaster.Forecast> forecasts = FORECASTER.forecast(series, 7, 0.1);
        assertThat(forecasts).hasSize(7);
        assertThat(forecasts.get(0).date()).isEqualTo(series.date(series.size() - 1).plusDays(1));
        for (Forecaster.Forecast f : forecasts) {
            double truth = f.date().getDayOfWeek().getValue() >= 6 ? 20 : 50;
            assertThat(f.expected()).isBetween(truth * 0.85, truth * 1.15);
            assertThat(f.lower()).isLessThan(f.expected());
            assertThat(f.upper()).isGreaterThan(f.expected());
            assertThat(f.upper() - f.lower()).isBetween(2 * Math.sqrt(truth), 6 * Math.sqrt(truth));
        }
    }

    @Test
    void shortHistoriesWithoutAWeeklyRhythmGetAFlatForecast() {
        DailySeries series = Synthetic.weekly(MONDAY, 60, 10, 1.0, 2);
        List<Forecaster.Forecast> forecasts = FORECASTER.forecast(series, 3, 0.1);
        assertThat(forecasts).extracting(Forecaster.Forecast::expected).allSatisfy(e -> assertThat(e).isBetween(7.0, 13.0));
    }

    @Test
    void underTwoWeeksTheForecastIsTheMean() {
        DailySeries series = DailySeries.of("short", MONDAY, 10, 12, 8, 10, 14, 2, 4, 10, 12, 8, 10, 14, 2);
        List<Forecaster.Forecast> forecasts = FORECASTER.forecast(series, 7, 0.1);
        assertThat(forecasts).extracting(Forecaster.Forecast::expected).containsOnly(116.0 / 13);
        assertThat(forecasts.get(0).date()).isEqualTo(LocalDate.of(2024, 1, 14));
    }

    /**
     * Weekdays 10, weekends 5 for 8 weeks: 480 demands, 480/7 a day. Each weekday factor is (observed + 10) /
     * (8 × 480/7 + 10) — 90/(550/7) Monday to Friday, 50/(550/7) at weekends — and they sum to 7 a week, so the
     * level is 240/28 = 60/7: forecasts 60/7 × 630/550 = 9.818… and 60/7 × 350/550 = 5.454…
     */
    @Test
    void anExactRhythmGivesTheShrunkWeekdayFactorsTimesTheLevel() {
        DailySeries series = weekly(56, 10, 5);
        List<Forecaster.Forecast> forecasts = FORECASTER.forecast(series, 7, 0.1);

        assertThat(forecasts).extracting(Forecaster.Forecast::date)
                .containsExactly(MONDAY.plusDays(56).datesUntil(MONDAY.plusDays(63)).toArray(LocalDate[]::new));
        for (Forecaster.Forecast f : forecasts) {
            double expected = weekend(f.date()) ? 3000.0 / 550 : 5400.0 / 550;
            assertThat(f.expected()).isCloseTo(expected, within(1e-9));
            // residuals are far below Poisson noise: the interval is Poisson's
            assertThat(f.lower()).isEqualTo(poissonQuantile(expected, 0.05));
            assertThat(f.upper()).isEqualTo(poissonQuantile(expected, 0.95));
        }
    }

    @Test
    void weekendsAtHalfTheWeekdayLevelAreForecastAtAboutHalf() {
        for (long seed = 1; seed <= 5; seed++) {
            DailySeries series = Synthetic.weekly(MONDAY, 56, 40, 0.5, seed);
            List<Forecaster.Forecast> forecasts = FORECASTER.forecast(series, 7, 0.1);
            double weekday = forecasts.get(0).expected();
            double saturday = forecasts.get(5).expected();
            assertThat(weekday).as("seed %d", seed).isBetween(36.0, 44.0);
            assertThat(saturday).as("seed %d", seed).isBetween(17.0, 23.0);
            assertThat(saturday / weekday).as("seed %d", seed).isBetween(0.45, 0.6);
        }
    }

    /** Two weeks of 1 a weekday and 0 at weekends are too few demands to believe in empty weekends; 100× are not. */
    @Test
    void fewDemandsShrinkTheRhythmTowardFlat() {
        List<Forecaster.Forecast> sparse = FORECASTER.forecast(weekly(14, 1, 0), 7, 0.1);
        List<Forecaster.Forecast> busy = FORECASTER.forecast(weekly(14, 100, 0), 7, 0.1);

        // factors (2 + 10) / (2 × 10/14 + 10) and 10 / (2 × 10/14 + 10): a weekend at 10/12 of a weekday
        assertThat(sparse.get(5).expected() / sparse.get(0).expected()).isCloseTo(10.0 / 12, within(1e-9));
        // factors 210 / (2 × 1000/14 + 10) and 10 / (…): a weekend at 1/21 of a weekday
        assertThat(busy.get(5).expected() / busy.get(0).expected()).isCloseTo(1.0 / 21, within(1e-9));
    }

    @Test
    void holidaysAreForecastLikeSundaysAndMakeUpDaysLikeWeekdays() {
        // eight weeks up to 30 September 2025; 1–8 October is the National Day holiday, 11 October a make-up day
        LocalDate start = LocalDate.of(2025, 9, 30).minusDays(55);
        double[] counts = new double[56];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = ChinaHolidayCalendar.INSTANCE.isWorkday(start.plusDays(t)) ? 60 : 20;
        }
        List<Forecaster.Forecast> forecasts = new Forecaster(ChinaHolidayCalendar.INSTANCE)
                .forecast(new DailySeries("cn", start, counts), 14, 0.1);

        double sunday = forecasts.get(11).expected(); // 12 October
        double monday = forecasts.get(12).expected();
        assertThat(forecasts.subList(0, 8)).extracting(Forecaster.Forecast::expected)
                .allSatisfy(e -> assertThat(e).isCloseTo(sunday, within(1e-9)));
        assertThat(forecasts.get(10).expected()).as("Saturday 11 October, a workday").isCloseTo(monday, within(1e-9));
        assertThat(monday).isBetween(55.0, 65.0);
        assertThat(sunday).isBetween(18.0, 26.0);
    }

    /**
     * 56 days of a known process, then the next 7 drawn from it: over 400 seeds the 90% intervals hold about 90% of
     * the draws, for Poisson counts and for over-dispersed (gamma-Poisson, κ = 0.05) ones.
     */
    @Test
    void ninetyPercentIntervalsHoldAboutNinetyPercentOfAKnownProcess() {
        for (double kappa : new double[] {0, 0.05}) {
            int inside = 0;
            int draws = 0;
            for (long seed = 1; seed <= 400; seed++) {
                RandomGenerator random = new Well19937c(seed);
                double[] counts = new double[63];
                for (int t = 0; t < counts.length; t++) {
                    counts[t] = draw(random, weekend(MONDAY.plusDays(t)) ? 15 : 30, kappa);
                }
                DailySeries history = new DailySeries("known", MONDAY, Arrays.copyOf(counts, 56));
                List<Forecaster.Forecast> forecasts = FORECASTER.forecast(history, 7, 0.1);
                for (int h = 0; h < 7; h++) {
                    Forecaster.Forecast f = forecasts.get(h);
                    inside += counts[56 + h] >= f.lower() && counts[56 + h] <= f.upper() ? 1 : 0;
                    draws++;
                }
            }
            assertThat(inside / (double) draws).as("coverage at κ = %s", kappa).isBetween(0.87, 0.95);
        }
    }

    private static DailySeries weekly(int days, double weekday, double weekend) {
        double[] counts = new double[days];
        for (int t = 0; t < days; t++) {
            counts[t] = weekend(MONDAY.plusDays(t)) ? weekend : weekday;
        }
        return new DailySeries("exact", MONDAY, counts);
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Poisson, or gamma-Poisson with Var = mean + κ·mean². */
    private static double draw(RandomGenerator random, double mean, double kappa) {
        double rate = kappa == 0 ? mean : new GammaDistribution(random, 1 / kappa, mean * kappa).sample();
        return new PoissonDistribution(random, rate, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    }

    /** Lower end: the largest k with P(Y < k) ≤ p; upper end: the smallest k with P(Y > k) ≤ 1 − p (pmf sums). */
    private static double poissonQuantile(double mean, double p) {
        double pmf = Math.exp(-mean);
        double below = 0;
        int k = 0;
        if (p < 0.5) {
            while (below + pmf <= p) {
                below += pmf;
                k++;
                pmf *= mean / k;
            }
            return k;
        }
        double atMost = pmf;
        while (1 - atMost > 1 - p) {
            k++;
            pmf *= mean / k;
            atMost += pmf;
        }
        return k;
    }
}
