package org.hotline.alerts.detect;

import org.hotline.alerts.series.DailySeries;

/**
 * Farrington-flexible (Noufaily et al. 2013, "An improved algorithm for outbreak detection in multiple
 * surveillance systems"), adapted from weeks to days.
 *
 * <p>For day t: take the past {@code years} years of counts, excluding the most recent 26 weeks (so a
 * recent outbreak cannot inflate the baseline); fit a quasi-Poisson GLM with a linear trend and a
 * {@code periods}-level factor (level 0 = within ±{@code halfWindowDays} of the same day in past years,
 * levels 1..periods-1 = the rest of the year in equal segments); keep the trend only if it is significant
 * at 5% and does not predict above the largest baseline count; down-weight past outbreaks by their Anscombe
 * residuals (weight s⁻² above 2.58) and refit; alarm when today's count reaches the (1 − alpha) quantile
 * of a negative binomial with the predicted mean and the fitted dispersion. No alarm is raised when the
 * last 4 weeks hold fewer than 5 cases (Farrington's rule).
 */
public final class FarringtonFlexible implements Detector {

    private static final int YEAR = 365;
    private static final double REWEIGHT_THRESHOLD = 2.58;
    private static final double TREND_Z = 1.96;

    private final int years;
    private final int halfWindowDays;
    private final int periods;
    private final int excludedRecentDays;
    private final double alpha;

    public FarringtonFlexible(int years, int halfWindowDays, int periods, int excludedRecentDays, double alpha) {
        this.years = years;
        this.halfWindowDays = halfWindowDays;
        this.periods = periods;
        this.excludedRecentDays = excludedRecentDays;
        this.alpha = alpha;
    }

    /** b = 3 years, w = ±21 days (3 weeks), 10 periods, last 26 weeks excluded, alpha = 0.005 one-sided. */
    public static FarringtonFlexible standard() {
        return new FarringtonFlexible(3, 21, 10, 26 * 7, 0.005);
    }

    @Override
    public String name() {
        return "farrington";
    }

    /** At least one past year plus the window around its same day. */
    @Override
    public int warmUpDays() {
        return YEAR + halfWindowDays;
    }

    @Override
    public Decision score(DailySeries series, int day) {
        if (day < warmUpDays()) {
            throw new IllegalArgumentException("farrington needs " + warmUpDays() + " days of history, day=" + day);
        }
        double[] y = series.countsView();
        int usableYears = Math.min(years, (day - halfWindowDays) / YEAR);
        int first = Math.max(0, day - usableYears * YEAR - halfWindowDays);
        int last = day - excludedRecentDays - 1;
        int n = last - first + 1;
        double[][] xTrend = new double[n][];
        double[] counts = new double[n];
        double maxCount = 0;
        for (int i = 0; i < n; i++) {
            int t = first + i;
            xTrend[i] = covariates(day, t, true);
            counts[i] = y[t];
            maxCount = Math.max(maxCount, y[t]);
        }
        boolean useTrend = true;
        PoissonGlm.Fit fit = PoissonGlm.fit(xTrend, counts, null);
        if (!trendKept(fit, day, maxCount)) {
            useTrend = false;
        }
        double[][] x = useTrend ? xTrend : withoutTrend(xTrend);
        if (!useTrend) {
            fit = PoissonGlm.fit(x, counts, null);
        }
        double[] weights = anscombeWeights(fit, x, counts);
        fit = PoissonGlm.fit(x, counts, weights);
        double[] today = useTrend ? covariates(day, day, true) : covariates(day, day, false);
        double expected = fit.predict(today);
        double variance = fit.dispersion() * expected;
        double observed = y[day];
        double tail = CountDistribution.upperTail(expected, variance, observed);
        double upper = CountDistribution.alarmingCount(expected, variance, alpha) - 1;
        double statistic = fewCasesRecently(y, day) ? Double.NEGATIVE_INFINITY : -Math.log10(tail);
        return Decision.of(series.date(day), observed, expected, upper, statistic, -Math.log10(alpha), name());
    }

    private boolean trendKept(PoissonGlm.Fit fit, int day, double maxCount) {
        double z = fit.beta()[1] / fit.standardError(1);
        return Math.abs(z) >= TREND_Z && fit.predict(covariates(day, day, true)) <= maxCount;
    }

    private static boolean fewCasesRecently(double[] y, int day) {
        double sum = 0;
        for (int t = Math.max(0, day - 27); t <= day; t++) {
            sum += y[t];
        }
        return sum < 5;
    }

    /** [1, trend (years), period dummies 1..periods-1]; trend omitted when {@code trend} is false. */
    private double[] covariates(int day, int t, boolean trend) {
        int offset = trend ? 2 : 1;
        double[] x = new double[offset + periods - 1];
        x[0] = 1;
        if (trend) {
            x[1] = (t - day) / (double) YEAR;
        }
        int level = periodLevel(day, t);
        if (level > 0) {
            x[offset + level - 1] = 1;
        }
        return x;
    }

    /** 0 near the same day of past years; otherwise which of the remaining equal segments of the year. */
    int periodLevel(int day, int t) {
        int position = Math.floorMod(day - t, YEAR);
        if (position <= halfWindowDays || position >= YEAR - halfWindowDays) {
            return 0;
        }
        int segmentDays = YEAR - 2 * halfWindowDays - 1;
        return 1 + Math.min(periods - 2, (position - halfWindowDays - 1) * (periods - 1) / segmentDays);
    }

    private static double[][] withoutTrend(double[][] xTrend) {
        double[][] x = new double[xTrend.length][];
        for (int i = 0; i < xTrend.length; i++) {
            double[] row = new double[xTrend[i].length - 1];
            row[0] = 1;
            System.arraycopy(xTrend[i], 2, row, 1, row.length - 1);
            x[i] = row;
        }
        return x;
    }

    /** Farrington's down-weighting of past outbreaks, rescaled so that the weights sum to n. */
    private static double[] anscombeWeights(PoissonGlm.Fit fit, double[][] x, double[] y) {
        int n = y.length;
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double mu = fit.mu()[i];
            double leverage = Math.min(0.99, fit.leverage(x[i], mu, 1.0));
            double s = 1.5 * (Math.pow(y[i], 2.0 / 3) - Math.pow(mu, 2.0 / 3))
                    / (Math.pow(mu, 1.0 / 6) * Math.sqrt(fit.dispersion() * (1 - leverage)));
            weights[i] = s > REWEIGHT_THRESHOLD ? 1 / (s * s) : 1;
            sum += weights[i];
        }
        for (int i = 0; i < n; i++) {
            weights[i] *= n / sum;
        }
        return weights;
    }
}
