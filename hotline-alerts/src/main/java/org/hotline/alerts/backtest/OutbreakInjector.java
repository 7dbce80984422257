package org.hotline.alerts.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotline.alerts.series.DailySeries;

/**
 * Plants synthetic outbreaks with known start, length and size into a real series.
 *
 * <p>The evaluation range is cut into {@code count} equal slots and one outbreak starts uniformly inside
 * each slot, at least 7 days before the slot ends, so outbreaks never touch. An outbreak's total size is
 * {@code sd} × the baseline SD (see {@link InjectionSpec.SdReference}) measured on the un-injected counts
 * of the 28 days before its start, rounded to whole demands and spread evenly over its days (the remainder
 * going to the first days).
 */
public final class OutbreakInjector {

    private static final int BASELINE_DAYS = 28;
    private static final int MIN_GAP_DAYS = 7;

    private OutbreakInjector() {
    }

    /** One planted outbreak: days [start, start + days - 1], {@code total} extra demands. */
    public record Outbreak(int start, int days, double total, double baselineSd) {
        public int end() {
            return start + days - 1;
        }
    }

    public record Injected(DailySeries series, List<Outbreak> outbreaks) {
    }

    /** @param evalFrom first day index outbreaks may touch (must leave 28 baseline days before it) */
    public static Injected inject(DailySeries series, InjectionSpec spec, int evalFrom, int evalTo, long seed) {
        if (evalFrom < BASELINE_DAYS) {
            throw new IllegalArgumentException("outbreaks need 28 days of baseline before the evaluation range");
        }
        int slot = (evalTo - evalFrom + 1) / spec.count();
        if (slot < spec.maxDays() + MIN_GAP_DAYS + 1) {
            throw new IllegalArgumentException("evaluation range of " + (evalTo - evalFrom + 1)
                    + " days is too short for " + spec.count() + " outbreaks of up to " + spec.maxDays() + " days");
        }
        Random random = new Random(seed);
        double[] original = series.countsView();
        double[] counts = series.countsCopy();
        List<Outbreak> outbreaks = new ArrayList<>();
        for (int i = 0; i < spec.count(); i++) {
            int days = spec.minDays() + random.nextInt(spec.maxDays() - spec.minDays() + 1);
            int slotStart = evalFrom + i * slot;
            int start = slotStart + random.nextInt(slot - days - MIN_GAP_DAYS + 1);
            double sd = baselineSd(original, start, spec.sdReference());
            double total = Math.round(spec.sd() * sd * (spec.sizePerDay() ? days : 1));
            spreadEvenly(counts, start, days, total);
            outbreaks.add(new Outbreak(start, days, total, sd));
        }
        return new Injected(new DailySeries(series.key(), series.start(), counts), outbreaks);
    }

    static void spreadEvenly(double[] counts, int start, int days, double total) {
        long whole = Math.round(total);
        long each = whole / days;
        long remainder = whole % days;
        for (int d = 0; d < days; d++) {
            counts[start + d] += each + (d < remainder ? 1 : 0);
        }
    }

    /** SD of the 28 counts before {@code start}: raw, or around each weekday's own mean of those 4 weeks. */
    static double baselineSd(double[] y, int start, InjectionSpec.SdReference reference) {
        int from = start - BASELINE_DAYS;
        if (reference == InjectionSpec.SdReference.RAW28) {
            double mean = 0;
            for (int t = from; t < start; t++) {
                mean += y[t] / BASELINE_DAYS;
            }
            double ss = 0;
            for (int t = from; t < start; t++) {
                ss += (y[t] - mean) * (y[t] - mean);
            }
            return Math.sqrt(ss / (BASELINE_DAYS - 1));
        }
        double ss = 0;
        for (int weekday = 0; weekday < 7; weekday++) {
            double mean = 0;
            for (int t = from + weekday; t < start; t += 7) {
                mean += y[t] / 4;
            }
            for (int t = from + weekday; t < start; t += 7) {
                ss += (y[t] - mean) * (y[t] - mean);
            }
        }
        return Math.sqrt(ss / (BASELINE_DAYS - 7));
    }
}
