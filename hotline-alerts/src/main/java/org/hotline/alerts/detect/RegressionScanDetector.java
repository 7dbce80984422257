package org.hotline.alerts.detect;

import java.util.ArrayList;
import java.util.List;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.series.DailySeries;

/**
 * The default detector ("default" on the command line): {@link SeasonalRegression} expectations, corrected by
 * the local level of the preceding 4 weeks and by the persistence of the last day's surprise, tested over
 * every window of the last 1..7 days.
 *
 * <p>For each window length w the window's observed sum is compared with its expected sum (expectation ×
 * the observed/expected ratio of the 28 days before the window × the persistence factor of the day before
 * it) under a negative binomial with variance m + κ_w·m², κ_w estimated per window length from the history.
 * The statistic is the largest window z-score (the normal quantile of the exact tail probability). Short
 * windows catch one-day spikes at once, long windows catch outbreaks spread thin over a week; the level
 * and persistence corrections absorb weather spells and drifts that a yearly model cannot know. The
 * regression is refitted every {@code refitDays} days on calendar-aligned anchors, so a stream and a
 * backtest fit exactly the same models. Series with less than a year of history fall back to EARS C2.
 * The threshold 3.3 is the smallest with at most 0.9 false alarms per 100 days on the 2011–2013 tuning
 * split of the NYC 311 series (docs/benchmarks/alerts.md).
 */
public final class RegressionScanDetector implements Detector {

    public static final double DEFAULT_THRESHOLD = 3.3;
    /** Normal-approximation z this far below the best or the threshold cannot change the decision. */
    private static final double EXACT_MARGIN = 1.5;

    private final HolidayCalendar calendar;
    private final double threshold;
    private final int fitDays;
    private final int refitDays;
    private final int levelDays;
    private final int maxWindow;
    private final int minHistoryDays;
    private final Detector coldStart = EarsDetector.c2();

    public RegressionScanDetector(HolidayCalendar calendar, double threshold) {
        this(calendar, threshold, 730, 28, 28, 7, 365);
    }

    public RegressionScanDetector(HolidayCalendar calendar, double threshold, int fitDays, int refitDays,
                                  int levelDays, int maxWindow, int minHistoryDays) {
        this.calendar = calendar;
        this.threshold = threshold;
        this.fitDays = fitDays;
        this.refitDays = refitDays;
        this.levelDays = levelDays;
        this.maxWindow = maxWindow;
        this.minHistoryDays = minHistoryDays;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public int warmUpDays() {
        return coldStart.warmUpDays();
    }

    @Override
    public Decision score(DailySeries series, int day) {
        int anchor = anchor(series, day);
        if (anchor < minHistoryDays) {
            return coldStart.score(series, day);
        }
        return decide(series, day, SeasonalRegression.fit(series, anchor, fitDays, levelDays, maxWindow, calendar));
    }

    /** Same decisions as calling {@link #score} per day, fitting each anchor's regression only once. */
    @Override
    public List<Decision> scoreAll(DailySeries series) {
        List<Decision> decisions = new ArrayList<>();
        SeasonalRegression model = null;
        for (int day = warmUpDays(); day < series.size(); day++) {
            int anchor = anchor(series, day);
            if (anchor < minHistoryDays) {
                decisions.add(coldStart.score(series, day));
                continue;
            }
            if (model == null || model.anchor() != anchor) {
                model = SeasonalRegression.fit(series, anchor, fitDays, levelDays, maxWindow, calendar);
            }
            decisions.add(decide(series, day, model));
        }
        return decisions;
    }

    /** The latest refit day at or before {@code day}, aligned on the calendar (epoch day), not on the series start. */
    int anchor(DailySeries series, int day) {
        long epochDay = series.start().toEpochDay() + day;
        return day - (int) Math.floorMod(epochDay, (long) refitDays);
    }

    /**
     * Scans windows ending today. Windows never reach back past the latest earlier day that alarmed on its
     * own (un-restarted) scan: once an excess has been reported, it is not reported again from the same
     * days — the restart a CUSUM does after an alarm, bounded to the last {@code maxWindow} days.
     */
    private Decision decide(DailySeries series, int day, SeasonalRegression model) {
        double[] counts = series.countsView();
        double[] expected = model.expectedRange(Math.max(0, day - 2 * maxWindow - levelDays - 1), day + 1);
        int firstStart = day - maxWindow + 1;
        for (int t = day - maxWindow + 1; t < day; t++) {
            if (scan(counts, expected, model, t, t - maxWindow + 1, false).z() > threshold) {
                firstStart = t + 1;
            }
        }
        Scan today = scan(counts, expected, model, day, firstStart, true);
        return Decision.of(series.date(day), counts[day], today.expectedToday(), today.upper(), today.z(), threshold,
                name());
    }

    private record Scan(double z, double expectedToday, double upper) {
    }

    /**
     * The largest window z over windows [start, day] with start ≥ firstStart; upper only when asked.
     * Exact negative-binomial tails are costly, so they are computed only where they can matter: for windows
     * whose normal-approximation z is within {@link #EXACT_MARGIN} of the best or of the threshold, and the
     * upper count only for the two windows with the lowest approximate upper.
     */
    private Scan scan(double[] counts, double[] expected, SeasonalRegression model, int day, int firstStart,
                      boolean withUpper) {
        int lastStart = Math.max(firstStart, levelDays);
        int windows = day - lastStart + 1;
        double[] windowExpected = new double[windows];
        double[] windowVariance = new double[windows];
        double[] windowObserved = new double[windows];
        double[] approximateZ = new double[windows];
        double bestApproximate = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < windows; i++) {
            int windowStart = day - i;
            double level = model.localLevel(counts, expected, windowStart - levelDays, windowStart - 1);
            double previous = SeasonalRegression.relativeError(counts, expected, windowStart - 1, level);
            for (int t = windowStart; t <= day; t++) {
                windowExpected[i] += level * expected[t] * model.persistenceFactor(previous, t - windowStart + 1);
                windowObserved[i] += counts[t];
            }
            windowVariance[i] = model.variance(windowExpected[i], i + 1);
            approximateZ[i] = (windowObserved[i] - windowExpected[i]) / Math.sqrt(Math.max(windowVariance[i], 1e-12));
            bestApproximate = Math.max(bestApproximate, approximateZ[i]);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < windows; i++) {
            boolean matters = approximateZ[i] >= bestApproximate - EXACT_MARGIN
                    || approximateZ[i] >= threshold - EXACT_MARGIN;
            if (matters) {
                best = Math.max(best, CountDistribution.toZ(
                        CountDistribution.upperTail(windowExpected[i], windowVariance[i], windowObserved[i])));
            }
        }
        double upper = withUpper ? upper(counts[day], windowExpected, windowVariance, windowObserved) : Double.NaN;
        return new Scan(best, windows > 0 ? windowExpected[0] : 0, upper);
    }

    private double upper(double today, double[] windowExpected, double[] windowVariance, double[] windowObserved) {
        int windows = windowExpected.length;
        Integer[] order = new Integer[windows];
        double[] approximate = new double[windows];
        for (int i = 0; i < windows; i++) {
            order[i] = i;
            approximate[i] = windowExpected[i] + threshold * Math.sqrt(windowVariance[i]) - (windowObserved[i] - today);
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> approximate[i]));
        double alpha = CountDistribution.zToTail(threshold);
        double upper = Double.POSITIVE_INFINITY;
        for (int k = 0; k < Math.min(2, windows); k++) {
            int i = order[k];
            double alarmingSum = CountDistribution.alarmingCount(windowExpected[i], windowVariance[i], alpha);
            upper = Math.min(upper, alarmingSum - 1 - (windowObserved[i] - today));
        }
        return Math.max(0, upper);
    }
}
