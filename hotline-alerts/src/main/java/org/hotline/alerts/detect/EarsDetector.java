package org.hotline.alerts.detect;

import org.hotline.alerts.series.DailySeries;

/**
 * CDC Early Aberration Reporting System C1, C2 and C3 (Hutwagner et al. 2003).
 * C1: z-score of today against the mean/SD of the 7 preceding days; alarm above 3.
 * C2: the same with a 2-day guard band (baseline days t-9..t-3), so a rising outbreak does not mask itself.
 * C3: the sum of the C2 excesses over 1 on today and the two previous days; alarm above 2.
 */
public final class EarsDetector implements Detector {

    public enum Variant { C1, C2, C3 }

    private static final int BASELINE_DAYS = 7;
    /** Keeps the z-score finite on flat (e.g. all-zero) baselines. */
    private static final double MIN_SD = 0.5;

    private final Variant variant;
    private final int guardDays;
    private final double threshold;

    public EarsDetector(Variant variant) {
        this.variant = variant;
        this.guardDays = variant == Variant.C1 ? 0 : 2;
        this.threshold = variant == Variant.C3 ? 2.0 : 3.0;
    }

    public static EarsDetector c1() {
        return new EarsDetector(Variant.C1);
    }

    public static EarsDetector c2() {
        return new EarsDetector(Variant.C2);
    }

    public static EarsDetector c3() {
        return new EarsDetector(Variant.C3);
    }

    @Override
    public String name() {
        return "ears-" + variant.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int warmUpDays() {
        int single = BASELINE_DAYS + guardDays;
        return variant == Variant.C3 ? single + 2 : single;
    }

    @Override
    public Decision score(DailySeries series, int day) {
        if (day < warmUpDays()) {
            throw new IllegalArgumentException(name() + " needs " + warmUpDays() + " days of history, day=" + day);
        }
        double[] y = series.countsView();
        double[] meanSd = baseline(y, day);
        double z = zScore(y[day], meanSd);
        if (variant != Variant.C3) {
            double upper = meanSd[0] + threshold * meanSd[1];
            return Decision.of(series.date(day), y[day], meanSd[0], upper, z, threshold, name());
        }
        double previous = Math.max(0, zScore(y[day - 1], baseline(y, day - 1)) - 1)
                + Math.max(0, zScore(y[day - 2], baseline(y, day - 2)) - 1);
        double c3 = previous + Math.max(0, z - 1);
        double upper = meanSd[0] + meanSd[1] * (1 + Math.max(0, threshold - previous));
        return Decision.of(series.date(day), y[day], meanSd[0], upper, c3, threshold, name());
    }

    private static double zScore(double count, double[] meanSd) {
        return (count - meanSd[0]) / meanSd[1];
    }

    /** Mean and SD (n-1) of the 7 baseline days ending {@code guardDays} before {@code day}. */
    private double[] baseline(double[] y, int day) {
        int last = day - guardDays - 1;
        double sum = 0;
        double sumSq = 0;
        for (int t = last - BASELINE_DAYS + 1; t <= last; t++) {
            sum += y[t];
            sumSq += y[t] * y[t];
        }
        double mean = sum / BASELINE_DAYS;
        double variance = Math.max(0, (sumSq - BASELINE_DAYS * mean * mean) / (BASELINE_DAYS - 1));
        return new double[] {mean, Math.max(MIN_SD, Math.sqrt(variance))};
    }
}
