package org.hotline.alerts.emerging;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.detect.CountDistribution;
import org.hotline.alerts.series.DailySeries;

/**
 * 苗头性 nodes: low-count series whose weekly counts grow week over week, faster each week, to a level the
 * baseline weeks make unlikely. With w0 the last 7 days, w1 and w2 the two weeks before and b the mean
 * weekly count of the {@code baselineWeeks} weeks before those, it alarms when b ≤ {@code maxBaselineWeekly}
 * (a node that was small), w0 > w1 > w2, w0 − w1 ≥ w1 − w2 (accelerating), and P(Poisson(max(b, 0.5)) ≥ w0)
 * < alpha.
 *
 * <p>One growth episode is one alert ({@link #alert}): growth is reported on the day it is first seen, not again
 * while it lasts.
 */
public final class GrowthDetector {
    /** A growth seen on any of this many days before (with demands) makes today's the same episode. */
    public static final int QUIET_DAYS = 7;

    /** A growth signal: weekly counts, baseline, tail probability. */
    public record Growth(double lastWeek, double weekBefore, double twoWeeksBefore, double baselineWeekly,
                         double pValue) {
        public String describe() {
            return String.format(Locale.ROOT, "weekly %.0f → %.0f → %.0f, baseline %.1f/week, p = %.2g",
                    twoWeeksBefore, weekBefore, lastWeek, baselineWeekly, pValue);
        }
    }

    private final int baselineWeeks;
    private final double maxBaselineWeekly;
    private final double alpha;

    public GrowthDetector(int baselineWeeks, double maxBaselineWeekly, double alpha) {
        this.baselineWeeks = baselineWeeks;
        this.maxBaselineWeekly = maxBaselineWeekly;
        this.alpha = alpha;
    }

    /** 8 baseline weeks, at most 10 a week, tail below 10⁻⁴ (0.001 let chance through on the demo's flat series). */
    public static GrowthDetector standard() {
        return new GrowthDetector(8, 10, 1e-4);
    }

    public int historyDays() {
        return (3 + baselineWeeks) * 7;
    }

    /** Growth ending on {@code day}, from days up to it only; empty when there is none or too little history. */
    public Optional<Growth> detect(DailySeries series, int day) {
        if (day + 1 < historyDays()) {
            return Optional.empty();
        }
        double w0 = weekSum(series, day);
        double w1 = weekSum(series, day - 7);
        double w2 = weekSum(series, day - 14);
        double baseline = 0;
        for (int week = 3; week < 3 + baselineWeeks; week++) {
            baseline += weekSum(series, day - 7 * week) / baselineWeeks;
        }
        boolean accelerating = w0 > w1 && w1 > w2 && w0 - w1 >= w1 - w2;
        if (baseline > maxBaselineWeekly || !accelerating) {
            return Optional.empty();
        }
        double mean = Math.max(baseline, 0.5);
        double p = CountDistribution.upperTail(mean, mean, w0);
        return p < alpha ? Optional.of(new Growth(w0, w1, w2, baseline, p)) : Optional.empty();
    }

    /**
     * Growth that starts on {@code day}: detected there and on none of the {@value #QUIET_DAYS} days before it that
     * had demands. Only days with demands count, because a stream decides only when a series has records: a growth
     * first visible on a silent day is then reported on the next day with demands.
     */
    public Optional<Growth> onset(DailySeries series, int day) {
        Optional<Growth> growth = detect(series, day);
        for (int earlier = day - 1; growth.isPresent() && earlier >= Math.max(0, day - QUIET_DAYS); earlier--) {
            if (series.count(earlier) > 0 && detect(series, earlier).isPresent()) {
                return Optional.empty();
            }
        }
        return growth;
    }

    /**
     * An EMERGING alert for a node whose growth starts on {@code day} ({@link #onset}): its window is the three
     * weeks compared, observed the last week's count against the baseline's weekly mean.
     */
    public Optional<Alert> alert(String nodePath, String district, DailySeries series, int day, Evidence evidence) {
        Evidence base = evidence == null ? Evidence.NONE : evidence;
        return onset(series, day).map(growth -> Alert.of(AlertKind.EMERGING, nodePath, List.of(district),
                series.date(day - 20), series.date(day), growth.lastWeek(), growth.baselineWeekly(),
                growth.lastWeek() / Math.max(growth.baselineWeekly(), 0.5), growth.pValue(),
                new Evidence(base.topPhrases(), base.exampleRecordIds(),
                        "a small node growing faster each week: " + growth.describe())));
    }

    private static double weekSum(DailySeries series, int lastDay) {
        double sum = 0;
        for (int t = lastDay - 6; t <= lastDay; t++) {
            sum += series.count(t);
        }
        return sum;
    }
}
