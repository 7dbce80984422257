package org.hotline.alerts.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.detect.CountDistribution;
import org.hotline.alerts.detect.SeasonalRegression;
import org.hotline.alerts.series.DailySeries;

/**
 * Expected counts with prediction intervals for the days after the last observed day: the seasonal
 * regression's expectation × the level of the last 28 days, with a negative-binomial interval whose
 * over-dispersion comes from the one-day-ahead errors of the history.
 */
public final class Forecaster {

    private static final int FIT_DAYS = 730;
    private static final int LEVEL_DAYS = 28;
    private static final int MIN_HISTORY_DAYS = 365;

    private final HolidayCalendar calendar;

    public Forecaster(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    /** One forecast day: expected count and the central (1 − alpha) prediction interval. */
    public record Forecast(LocalDate date, double expected, double lower, double upper) {
    }

    /**
     * Forecasts {@code horizon} days after the series' last day, with a (1 − alpha) interval.
     * Series with less than a year of history get the 28-day mean ± its observed spread instead.
     */
    public List<Forecast> forecast(DailySeries series, int horizon, double alpha) {
        int anchor = series.size();
        List<Forecast> forecasts = new ArrayList<>();
        if (anchor < MIN_HISTORY_DAYS) {
            return shortHistoryForecast(series, horizon, alpha);
        }
        SeasonalRegression model = SeasonalRegression.fit(series, anchor, FIT_DAYS, LEVEL_DAYS, 1, calendar);
        double[] expected = model.expectedRange(anchor - LEVEL_DAYS, anchor);
        double level = model.localLevel(series.countsView(), expected, anchor - LEVEL_DAYS, anchor - 1);
        for (int h = 0; h < horizon; h++) {
            double mean = level * model.expected(anchor + h);
            double variance = model.variance(mean, 1);
            forecasts.add(interval(series.date(anchor + h), mean, variance, alpha));
        }
        return forecasts;
    }

    private static List<Forecast> shortHistoryForecast(DailySeries series, int horizon, double alpha) {
        int days = Math.min(LEVEL_DAYS, series.size());
        if (days == 0) {
            throw new IllegalArgumentException("cannot forecast an empty series");
        }
        double sum = 0;
        double sumSq = 0;
        for (int t = series.size() - days; t < series.size(); t++) {
            sum += series.count(t);
            sumSq += series.count(t) * series.count(t);
        }
        double mean = sum / days;
        double variance = Math.max(mean, days > 1 ? (sumSq - days * mean * mean) / (days - 1) : mean);
        List<Forecast> forecasts = new ArrayList<>();
        for (int h = 0; h < horizon; h++) {
            forecasts.add(interval(series.date(series.size() + h), mean, variance, alpha));
        }
        return forecasts;
    }

    private static Forecast interval(LocalDate date, double mean, double variance, double alpha) {
        double upper = CountDistribution.alarmingCount(mean, variance, alpha / 2) - 1;
        double lower = lowerQuantile(mean, variance, alpha / 2);
        return new Forecast(date, mean, lower, upper);
    }

    /** The largest k with P(Y < k) ≤ p, i.e. the lower interval end. */
    private static double lowerQuantile(double mean, double variance, double p) {
        double k = Math.floor(mean);
        while (k > 0 && 1 - CountDistribution.upperTail(mean, variance, k) > p) {
            k = Math.floor(k - Math.max(1, Math.sqrt(variance) / 4));
        }
        k = Math.max(0, k);
        while (1 - CountDistribution.upperTail(mean, variance, k + 1) <= p) {
            k++;
        }
        return k;
    }
}
