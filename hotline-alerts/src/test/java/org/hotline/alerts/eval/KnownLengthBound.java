package org.hotline.alerts.eval;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hotline.alerts.backtest.Backtest;
import org.hotline.alerts.backtest.InjectionSpec;
import org.hotline.alerts.backtest.OutbreakInjector;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.detect.Decision;
import org.hotline.alerts.detect.RegressionScanDetector;
import org.hotline.alerts.series.DailySeries;
import org.hotline.alerts.series.SeriesCsv;

/**
 * How much any alarm rule on top of the default detector's baseline could detect of the backtest's injected
 * outbreaks: an oracle that is told each outbreak's length L, keeps a baseline the outbreaks never contaminate (the
 * expected counts of the un-injected series) and alarms when the relative excess of the last L days,
 * Σ(y − ŷ) / Σŷ, passes the 99th percentile of that statistic on the un-injected evaluated days: one false alarm per
 * 100 days for each length on its own, with the threshold chosen on the very days it is scored on. A real detector
 * knows none of this, so its detection should stay below the oracle's. For a constant shift over a known window with
 * near-Gaussian errors the window sum is the most powerful test (Neyman–Pearson), so the oracle is a fair ceiling
 * for detectors built on this baseline.
 *
 * <p>Same series, evaluated days, outbreaks and seeds as {@code hotline backtest --inject}. Not a test (it needs data
 * the repository does not hold). Arguments: FILE.csv DATE_COLUMN COUNT_COLUMN[,…] EVAL_FROM HOLIDAYS INJECT_SPEC.
 */
public final class KnownLengthBound {
    private static final double FALSE_ALARMS_PER_DAY = 0.01;

    private KnownLengthBound() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        LocalDate evalFrom = LocalDate.parse(args[3]);
        RegressionScanDetector detector = new RegressionScanDetector(HolidayCalendar.named(args[4]),
                RegressionScanDetector.DEFAULT_THRESHOLD);
        InjectionSpec spec = InjectionSpec.parse(args[5]);
        int maxDays = spec.maxDays();
        long[] detected = new long[maxDays + 1];
        long[] planted = new long[maxDays + 1];
        List<String> columns = List.of(args[2].split(","));
        for (int s = 0; s < columns.size(); s++) {
            DailySeries series = SeriesCsv.read(file, args[1], columns.get(s)).series();
            Backtest.Range range = Backtest.evaluationRange(series, evalFrom, null);
            double[] expected = new double[series.size()];
            Arrays.fill(expected, Double.NaN);
            List<Decision> decisions = detector.scoreAll(series);
            for (int i = 0; i < decisions.size(); i++) {
                expected[detector.warmUpDays() + i] = decisions.get(i).expected();
            }
            double[] clean = series.countsView();
            double[] thresholds = new double[maxDays + 1];
            double[][] scale = new double[maxDays + 1][];
            for (int length = 1; length <= maxDays; length++) {
                scale[length] = SCALED ? rollingScale(clean, expected, length, range.from()) : null;
                double[] excess = new double[range.to() - range.from() + 1 - (length - 1)];
                for (int t = range.from() + length - 1; t <= range.to(); t++) {
                    excess[t - range.from() - length + 1] = statistic(clean, expected, t, length, scale[length]);
                }
                Arrays.sort(excess);
                thresholds[length] = excess[(int) Math.ceil((1 - FALSE_ALARMS_PER_DAY) * excess.length) - 1];
            }
            for (int rep = 0; rep < spec.reps(); rep++) {
                long seed = spec.seed() * 1_000_003L + s * 7919L + rep;
                OutbreakInjector.Injected injected = OutbreakInjector.inject(series, spec, range.from(), range.to(),
                        seed);
                double[] counts = injected.series().countsView();
                for (OutbreakInjector.Outbreak outbreak : injected.outbreaks()) {
                    int length = outbreak.days();
                    planted[length]++;
                    for (int t = outbreak.start(); t <= outbreak.end(); t++) {
                        if (statistic(counts, expected, t, length, scale[length]) > thresholds[length]) {
                            detected[length]++;
                            break;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s: 99th percentile of the relative excess, L = 1..%d: %s%n",
                    columns.get(s), maxDays, Arrays.toString(Arrays.stream(thresholds, 1, maxDays + 1)
                            .map(v -> Math.round(v * 1000) / 1000.0).toArray()));
        }
        long allDetected = 0;
        long allPlanted = 0;
        for (int length = 1; length <= maxDays; length++) {
            if (planted[length] > 0) {
                System.out.printf(Locale.ROOT, "L = %d: oracle POD %.3f (%d of %d)%n", length,
                        (double) detected[length] / planted[length], detected[length], planted[length]);
            }
            allDetected += detected[length];
            allPlanted += planted[length];
        }
        System.out.printf(Locale.ROOT, "all: oracle POD %.3f (%d of %d outbreaks, %s)%n",
                (double) allDetected / allPlanted, allDetected, allPlanted, spec);
    }

    private static final boolean SCALED = Boolean.getBoolean("scaled");
    private static final int SCALE_DAYS = 365;

    private static double statistic(double[] y, double[] expected, int end, int length, double[] scale) {
        double excess = relativeExcess(y, expected, end, length);
        return scale == null ? excess : excess / scale[end];
    }

    /** Per day, the RMS of the clean statistic over the {@value #SCALE_DAYS} days before (no look-ahead). */
    private static double[] rollingScale(double[] clean, double[] expected, int length, int from) {
        double[] scale = new double[clean.length];
        for (int t = from; t < clean.length; t++) {
            double ss = 0;
            for (int u = t - SCALE_DAYS; u < t; u++) {
                double e = relativeExcess(clean, expected, u, length);
                ss += e * e;
            }
            scale[t] = Math.sqrt(ss / SCALE_DAYS);
        }
        return scale;
    }

    /** Σ(y − ŷ) / Σŷ over the {@code length} days ending at {@code end}. */
    private static double relativeExcess(double[] y, double[] expected, int end, int length) {
        double excess = 0;
        double base = 0;
        for (int t = end - length + 1; t <= end; t++) {
            excess += y[t] - expected[t];
            base += expected[t];
        }
        return excess / base;
    }
}
