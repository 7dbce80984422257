package org.hotline.alerts.detect;

import java.time.LocalDate;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.series.DailySeries;

/**
 * The expected-count model behind the default detector and the forecaster: a quasi-Poisson regression of
 * daily counts on a linear trend, day of week, three yearly harmonics, public holidays and make-up working
 * days, fitted on up to two years of history with past outbreaks down-weighted (Anscombe residuals above
 * 2.58 get weight s⁻², as in Farrington-flexible). From the fitted history it also estimates the persistence
 * of day-to-day surprises (lag-1 autocorrelation) and, for each window length, the extra relative variance
 * (negative-binomial κ: Var = m + κ·m²) of one-step-ahead window errors after the level and persistence
 * corrections.
 */
public final class SeasonalRegression {

    static final int HARMONICS = 3;
    private static final int FIXED_COVARIATES = 1 + 1 + 6 + 2 * HARMONICS + 1;
    private static final double REWEIGHT_THRESHOLD = 2.58;
    /** Quantile for {@link #upperSpread}; chosen on the 2011–2013 tuning split of the NYC 311 series. */
    private static final double UPPER_QUANTILE = 0.9;
    private static final double UPPER_QUANTILE_Z = 1.2815515655446004;

    private final HolidayCalendar calendar;
    private final LocalDate seriesStart;
    private final int anchor;
    private final PoissonGlm.Fit fit;
    private final double[] kappaByWindow;
    private final double persistence;

    private SeasonalRegression(HolidayCalendar calendar, LocalDate seriesStart, int anchor, PoissonGlm.Fit fit,
                               double[] kappaByWindow, double persistence) {
        this.calendar = calendar;
        this.seriesStart = seriesStart;
        this.anchor = anchor;
        this.fit = fit;
        this.kappaByWindow = kappaByWindow;
        this.persistence = persistence;
    }

    /**
     * Fits on days [anchor - fitDays, anchor - 1] (clipped at 0); days from {@code anchor} on are unseen.
     * κ is estimated separately for every window length 1..maxWindow, because real residuals come in
     * multi-day spells (weather) and a window's sum varies more than independent days would.
     */
    public static SeasonalRegression fit(DailySeries series, int anchor, int fitDays, int levelDays, int maxWindow,
                                         HolidayCalendar calendar) {
        int first = Math.max(0, anchor - fitDays);
        int n = anchor - first;
        double[][] x = new double[n][];
        double[] y = new double[n];
        double[] counts = series.countsView();
        for (int i = 0; i < n; i++) {
            x[i] = covariates(calendar, series.start(), anchor, first + i);
            y[i] = counts[first + i];
        }
        PoissonGlm.Fit initial = PoissonGlm.fit(x, y, null);
        PoissonGlm.Fit fit = PoissonGlm.fit(x, y, outbreakWeights(initial, y), initial.beta());
        SeasonalRegression model = new SeasonalRegression(calendar, series.start(), anchor, fit, new double[0], 0);
        int from = Math.max(first + levelDays + maxWindow + 1, anchor - 365);
        double[] expected = model.expectedRange(Math.max(0, from - levelDays - maxWindow - 1), anchor);
        double persistence = estimatePersistence(counts, expected, from, anchor, levelDays);
        // level and previous-day error depend only on a window's first day: compute them once for all lengths
        int firstStart = from - maxWindow + 1;
        double[] levels = new double[anchor - firstStart];
        double[] previousErrors = new double[anchor - firstStart];
        for (int start = firstStart; start < anchor; start++) {
            levels[start - firstStart] = levelRatio(counts, expected, start - levelDays, start - 1);
            previousErrors[start - firstStart] = relativeError(counts, expected, start - 1, levels[start - firstStart]);
        }
        double[] kappas = new double[maxWindow + 1];
        for (int w = 1; w <= maxWindow; w++) {
            kappas[w] = estimateKappa(counts, expected, from, anchor, w, persistence, levels, previousErrors,
                    firstStart);
        }
        return new SeasonalRegression(calendar, series.start(), anchor, fit, kappas, persistence);
    }

    public int anchor() {
        return anchor;
    }

    /** Expected count on day index t from trend, weekday, season and holidays (no local-level correction). */
    public double expected(int t) {
        return fit.predict(covariates(calendar, seriesStart, anchor, t));
    }

    /**
     * How much of the day before a window's surprise carries into the window's k-th day: expectations are
     * multiplied by 1 + φ^k · r, with r the relative error of the day just before the window (clipped to
     * [−0.5, 1]) and φ the lag-1 autocorrelation of relative errors in the history. Weather spells make
     * yesterday's surprise partly today's; the day before a window is never inside it, so an outbreak that
     * starts in the window does not explain itself away.
     */
    public double persistenceFactor(double previousRelativeError, int stepsAhead) {
        double r = Math.max(-0.5, Math.min(1.0, previousRelativeError));
        return 1 + Math.pow(persistence, stepsAhead) * r;
    }

    /** Variance of a {@code window}-day sum with expectation {@code mean}. */
    public double variance(double mean, int window) {
        return mean + kappaByWindow[window] * mean * mean;
    }

    /** Expected counts for days [from, to), in an array indexed by day (entries before from are 0). */
    public double[] expectedRange(int from, int to) {
        double[] expected = new double[to];
        for (int t = from; t < to; t++) {
            expected[t] = expected(t);
        }
        return expected;
    }

    /**
     * The local level: observed over expected on the given days, with single days capped at 2.5 SD above
     * their expectation so that one past outbreak does not lift the level much.
     */
    public double localLevel(double[] counts, double[] expected, int from, int to) {
        double observedSum = 0.5;
        double expectedSum = 0.5;
        for (int t = from; t <= to; t++) {
            observedSum += counts[t];
            expectedSum += expected[t];
        }
        double rough = observedSum / expectedSum;
        double capped = 0.5;
        for (int t = from; t <= to; t++) {
            double m = rough * expected[t];
            capped += Math.min(counts[t], m + 2.5 * Math.sqrt(variance(m, 1)));
        }
        return capped / expectedSum;
    }

    /** Lag-1 autocorrelation of one-step relative errors (level-corrected), clamped to [0, 0.8]. */
    private static double estimatePersistence(double[] counts, double[] expected, int from, int anchor,
                                              int levelDays) {
        int n = anchor - from + 1;
        if (n < 29) {
            return 0;
        }
        double[] relative = new double[n];
        for (int t = from - 1; t < anchor; t++) {
            relative[t - from + 1] = relativeError(counts, expected, t, levelRatio(counts, expected, t - levelDays, t - 1));
        }
        double[] previous = java.util.Arrays.copyOfRange(relative, 0, n - 1);
        double[] current = java.util.Arrays.copyOfRange(relative, 1, n);
        double correlation = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
                .correlation(previous, current);
        return Double.isNaN(correlation) ? 0 : Math.max(0, Math.min(0.8, correlation));
    }

    /** (observed − level·expected) / (level·expected) on day t, clipped to [−0.5, 1]. */
    static double relativeError(double[] counts, double[] expected, int t, double level) {
        double mean = Math.max(level * expected[t], 1e-9);
        return Math.max(-0.5, Math.min(1.0, (counts[t] - mean) / mean));
    }

    /**
     * Robust κ for w-day sums from one-step-ahead errors over the history: every w-day window ending in
     * [from, anchor) is compared with its expectation × the level of the levelDays before it × the
     * persistence factor, exactly as the detector will predict it.
     */
    private static double estimateKappa(double[] counts, double[] expected, int from, int anchor, int w,
                                        double persistence, double[] levels, double[] previousErrors,
                                        int firstStart) {
        int n = anchor - from;
        if (n < 28) {
            return 0;
        }
        double[] powers = new double[w + 1];
        for (int k = 1; k <= w; k++) {
            powers[k] = Math.pow(persistence, k);
        }
        double[] relative = new double[n];
        double inversePoissonSum = 0;
        for (int end = from; end < anchor; end++) {
            int start = end - w + 1;
            double level = levels[start - firstStart];
            double previous = previousErrors[start - firstStart];
            double observed = 0;
            double mean = 0;
            for (int t = start; t <= end; t++) {
                observed += counts[t];
                mean += level * expected[t] * (1 + powers[t - start + 1] * previous);
            }
            mean = Math.max(mean, 1e-9);
            relative[end - from] = (observed - mean) / mean;
            inversePoissonSum += 1 / mean;
        }
        double robustSd = upperSpread(relative);
        return Math.max(0, robustSd * robustSd - inversePoissonSum / n);
    }

    private static double levelRatio(double[] counts, double[] expected, int from, int to) {
        double o = 0.5;
        double e = 0.5;
        for (int t = from; t <= to; t++) {
            o += counts[t];
            e += expected[t];
        }
        return o / e;
    }

    /**
     * SD from the upper half of the distribution: (q-quantile − median) / z_q. Real residuals are skewed to
     * the right (storms, cold snaps), and only upward deviations raise alarms, so the upper spread is what
     * calibrates the false-alarm rate; a middle quantile keeps a few past outbreaks from inflating it.
     */
    static double upperSpread(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double median = quantile(sorted, 0.5);
        return (quantile(sorted, UPPER_QUANTILE) - median) / UPPER_QUANTILE_Z;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double[] outbreakWeights(PoissonGlm.Fit fit, double[] y) {
        int n = y.length;
        double[] weights = new double[n];
        double sum = 0;
        double sdScale = Math.sqrt(fit.dispersion());
        for (int i = 0; i < n; i++) {
            double mu = fit.mu()[i];
            double s = 1.5 * (Math.pow(y[i], 2.0 / 3) - Math.pow(mu, 2.0 / 3)) / (Math.pow(mu, 1.0 / 6) * sdScale);
            weights[i] = s > REWEIGHT_THRESHOLD ? 1 / (s * s) : 1;
            sum += weights[i];
        }
        for (int i = 0; i < n; i++) {
            weights[i] *= n / sum;
        }
        return weights;
    }

    /**
     * [1, trend in years from the anchor, Tue..Sun dummies, yearly sin/cos ×3, make-up workday, one dummy per
     * holiday kind]. Each holiday gets its own effect: demand drops over Spring Festival but noise complaints
     * rise on summer holidays. (Weekday × season terms were tried and did not lower false alarms on the
     * tuning split.)
     */
    static double[] covariates(HolidayCalendar calendar, LocalDate seriesStart, int anchor, int t) {
        LocalDate date = seriesStart.plusDays(t);
        double[] x = new double[FIXED_COVARIATES + calendar.holidayKinds()];
        x[0] = 1;
        x[1] = (t - anchor) / 365.0;
        int dow = date.getDayOfWeek().getValue(); // 1 = Monday
        if (dow > 1) {
            x[1 + dow - 1] = 1;
        }
        double angle = 2 * Math.PI * (date.getDayOfYear() - 1) / 365.25;
        for (int k = 1; k <= HARMONICS; k++) {
            x[8 + 2 * (k - 1)] = Math.sin(k * angle);
            x[9 + 2 * (k - 1)] = Math.cos(k * angle);
        }
        x[8 + 2 * HARMONICS] = calendar.isMakeUpWorkday(date) ? 1 : 0;
        int holiday = calendar.holidayKind(date);
        if (holiday > 0) {
            x[FIXED_COVARIATES + holiday - 1] = 1;
        }
        return x;
    }
}
