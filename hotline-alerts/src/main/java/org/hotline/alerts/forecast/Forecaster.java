package org.hotline.alerts.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.detect.CountDistribution;
import org.hotline.alerts.detect.SeasonalRegression;
import org.hotline.alerts.series.DailySeries;

/**
 * Expected counts with prediction intervals for the days after the last observed day: the seasonal
 * regression's expectation × the level of the last 28 days. The interval for h days ahead comes from the
 * empirical quantiles of the relative errors the same forecast made h days ahead over the last year, so it
 * widens with the horizon and keeps the heavy right tail of real counts (storms, cold snaps).
 */
public final class Forecaster {

    private static final int FIT_DAYS = 730;
    private static final int LEVEL_DAYS = 28;
    private static final int MIN_HISTORY_DAYS = 365;
    private static final int ERROR_DAYS = 365;
    /** Two whole weeks: each weekday seen twice, the least that tells a rhythm from one odd day. */
    private static final int WEEKDAY_MIN_DAYS = 14;
    private static final int WEEKDAY_WINDOW_DAYS = 56;
    /** What the weekday forecast fits: 7 factors and the level. */
    private static final int WEEKDAY_PARAMETERS = 8;

    private final HolidayCalendar calendar;

    public Forecaster(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    /** One forecast day: expected count and the central (1 − alpha) prediction interval. */
    public record Forecast(LocalDate date, double expected, double lower, double upper) {
    }

    /**
     * Forecasts {@code horizon} days after the series' last day, with a (1 − alpha) interval.
     * Series with less than a year (+ 28 days) of history get the weekday forecast instead, and under two weeks
     * the 28-day mean, both with negative-binomial intervals.
     */
    public List<Forecast> forecast(DailySeries series, int horizon, double alpha) {
        int anchor = series.size();
        if (anchor < MIN_HISTORY_DAYS + LEVEL_DAYS) {
            return shortHistoryForecast(series, horizon, alpha);
        }
        double[] counts = series.countsView();
        SeasonalRegression model = SeasonalRegression.fit(series, anchor, FIT_DAYS, LEVEL_DAYS, 1, calendar);
        int errorFrom = Math.max(LEVEL_DAYS + horizon, anchor - ERROR_DAYS);
        double[] expected = model.expectedRange(Math.max(0, errorFrom - horizon - LEVEL_DAYS), anchor);
        double level = model.localLevel(counts, expected, anchor - LEVEL_DAYS, anchor - 1);
        List<Forecast> forecasts = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            double[] errors = relativeErrors(model, counts, expected, errorFrom, anchor, h);
            Arrays.sort(errors);
            double mean = level * model.expected(anchor + h - 1);
            double lower = Math.max(0, Math.floor(mean * (1 + quantile(errors, alpha / 2))));
            double upper = Math.ceil(mean * (1 + quantile(errors, 1 - alpha / 2)));
            forecasts.add(new Forecast(series.date(anchor + h - 1), mean, lower, upper));
        }
        return forecasts;
    }

    /** (observed − forecast) / forecast for every day t in [from, to) forecast h days ahead from day t − h. */
    private static double[] relativeErrors(SeasonalRegression model, double[] counts, double[] expected, int from,
                                           int to, int h) {
        double[] errors = new double[to - from];
        for (int t = from; t < to; t++) {
            int origin = t - h;
            double level = model.localLevel(counts, expected, origin - LEVEL_DAYS + 1, origin);
            double forecast = Math.max(level * expected[t], 1e-9);
            errors[t - from] = (counts[t] - forecast) / forecast;
        }
        return errors;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Under a year: too short for the regression, but two weeks already show the weekly rhythm. */
    private List<Forecast> shortHistoryForecast(DailySeries series, int horizon, double alpha) {
        if (series.size() == 0) {
            throw new IllegalArgumentException("cannot forecast an empty series");
        }
        return series.size() < WEEKDAY_MIN_DAYS ? meanForecast(series, horizon, alpha)
                : weekdayForecast(series, horizon, alpha);
    }

    /** The mean of the last (up to) 28 days with a negative-binomial interval from their variance. */
    private static List<Forecast> meanForecast(DailySeries series, int horizon, double alpha) {
        int days = Math.min(LEVEL_DAYS, series.size());
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

    /**
     * Level × weekday factor: the factors come from the last whole weeks (at most 8), the level is the last (up
     * to) 28 days' count over their summed factors. The interval is negative binomial, Var = m + κ·m², with κ
     * from the residuals of the whole window against today's level, so a level that drifted over the window
     * widens it; κ ≥ 0, never narrower than Poisson.
     */
    private List<Forecast> weekdayForecast(DailySeries series, int horizon, double alpha) {
        int end = series.size();
        int window = Math.min(WEEKDAY_WINDOW_DAYS, end - end % 7);
        WeekdayFactors factors = WeekdayFactors.estimate(series, end - window, end, calendar);
        double level = weekdayLevel(series, factors, end - Math.min(LEVEL_DAYS, window), end);
        double kappa = dispersion(series, factors, level, end - window, end);
        List<Forecast> forecasts = new ArrayList<>();
        for (int h = 0; h < horizon; h++) {
            LocalDate date = series.date(end + h);
            double mean = level * factors.on(date);
            forecasts.add(interval(date, mean, mean + kappa * mean * mean, alpha));
        }
        return forecasts;
    }

    /** Σ counts / Σ weekday factors: the demands of an average day over those days. */
    private static double weekdayLevel(DailySeries series, WeekdayFactors factors, int from, int to) {
        double counts = 0;
        double weights = 0;
        for (int t = from; t < to; t++) {
            counts += series.count(t);
            weights += factors.on(series.date(t));
        }
        return counts / weights;
    }

    /** Moment estimate of κ in Var = m + κ·m², floored at 0 (Poisson). */
    private static double dispersion(DailySeries series, WeekdayFactors factors, double level, int from, int to) {
        double squares = 0;
        double means = 0;
        double meanSquares = 0;
        for (int t = from; t < to; t++) {
            double mean = level * factors.on(series.date(t));
            double residual = series.count(t) - mean;
            squares += residual * residual;
            means += mean;
            meanSquares += mean * mean;
        }
        // The residuals are against a mean fitted to these very days: n − p degrees of freedom, not n.
        double days = to - from;
        double excess = squares * days / (days - WEEKDAY_PARAMETERS) - means;
        return meanSquares == 0 ? 0 : Math.max(0, excess / meanSquares);
    }

    /**
     * The central interval, widened to hold the expected count: a very skewed negative binomial (small mean, large
     * κ) has its upper quantile below its mean, and a band beside its own line only confuses.
     */
    private static Forecast interval(LocalDate date, double mean, double variance, double alpha) {
        double upper = CountDistribution.alarmingCount(mean, variance, alpha / 2) - 1;
        double lower = lowerQuantile(mean, variance, alpha / 2);
        return new Forecast(date, mean, Math.min(lower, Math.floor(mean)), Math.max(upper, Math.ceil(mean)));
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
