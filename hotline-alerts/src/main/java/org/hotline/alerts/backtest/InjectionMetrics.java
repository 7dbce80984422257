package org.hotline.alerts.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotline.alerts.detect.Decision;

/**
 * Detection metrics of one detector on injected outbreaks.
 *
 * <p>An outbreak counts as detected when the detector alarms on at least one of its days (start..end);
 * alarms after its last day do not count. Delay = first alarming day − start day (0 = alarm on the first
 * outbreak day). False alarms are alarms on evaluated days outside every outbreak, per 100 such days.
 */
public record InjectionMetrics(int outbreaks, int detected, long falseAlarms, long quietDays, List<Integer> delays,
                               int[] outbreaksByLength, int[] detectedByLength, List<Double> quietStatistics,
                               List<double[]> outbreakStatistics) {

    public static InjectionMetrics empty(int maxLength) {
        return new InjectionMetrics(0, 0, 0, 0, List.of(), new int[maxLength + 1], new int[maxLength + 1], List.of(),
                List.of());
    }

    /**
     * @param decisions  decisions for days {@code firstDay, firstDay+1, ...}
     * @param evalFrom   first evaluated day index, evalTo last (inclusive)
     */
    public static InjectionMetrics measure(List<Decision> decisions, int firstDay, List<OutbreakInjector.Outbreak> outbreaks,
                                           int evalFrom, int evalTo, int maxLength) {
        boolean[] inOutbreak = new boolean[evalTo + 1];
        int[] byLength = new int[maxLength + 1];
        int[] detectedByLength = new int[maxLength + 1];
        List<Integer> delays = new ArrayList<>();
        List<double[]> outbreakStatistics = new ArrayList<>();
        for (OutbreakInjector.Outbreak outbreak : outbreaks) {
            byLength[outbreak.days()]++;
            double[] statistics = new double[outbreak.days()];
            boolean found = false;
            for (int t = outbreak.start(); t <= outbreak.end(); t++) {
                inOutbreak[t] = true;
                statistics[t - outbreak.start()] = statistic(decisions, firstDay, t);
                if (!found && alarm(decisions, firstDay, t)) {
                    delays.add(t - outbreak.start());
                    detectedByLength[outbreak.days()]++;
                    found = true;
                }
            }
            outbreakStatistics.add(statistics);
        }
        long falseAlarms = 0;
        long quietDays = 0;
        List<Double> quietStatistics = new ArrayList<>();
        for (int t = evalFrom; t <= evalTo; t++) {
            if (!inOutbreak[t]) {
                quietDays++;
                quietStatistics.add(statistic(decisions, firstDay, t));
                if (alarm(decisions, firstDay, t)) {
                    falseAlarms++;
                }
            }
        }
        return new InjectionMetrics(outbreaks.size(), delays.size(), falseAlarms, quietDays, delays, byLength,
                detectedByLength, quietStatistics, outbreakStatistics);
    }

    private static double statistic(List<Decision> decisions, int firstDay, int day) {
        int i = day - firstDay;
        return i >= 0 && i < decisions.size() ? decisions.get(i).statistic() : Double.NEGATIVE_INFINITY;
    }

    /**
     * The metrics this detector would have had with its statistic's threshold moved so that it raises at
     * most {@code falseAlarmsPer100} false alarms per 100 quiet days: a comparison at equal false-alarm rate.
     * Exact for detectors whose alarm is "statistic > threshold" with no memory of earlier alarms (EARS,
     * Farrington).
     */
    public InjectionMetrics atFalseAlarmRate(double falseAlarmsPer100) {
        double[] quiet = quietStatistics.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int allowed = (int) Math.floor(falseAlarmsPer100 / 100.0 * quiet.length);
        double cut = quiet.length == 0 ? Double.POSITIVE_INFINITY
                : allowed >= quiet.length ? Double.NEGATIVE_INFINITY : quiet[quiet.length - 1 - allowed];
        long falseAlarmCount = java.util.Arrays.stream(quiet).filter(v -> v > cut).count();
        List<Integer> newDelays = new ArrayList<>();
        int[] detectedLengths = new int[outbreaksByLength.length];
        for (double[] statistics : outbreakStatistics) {
            for (int d = 0; d < statistics.length; d++) {
                if (statistics[d] > cut) {
                    newDelays.add(d);
                    detectedLengths[statistics.length]++;
                    break;
                }
            }
        }
        return new InjectionMetrics(outbreaks, newDelays.size(), falseAlarmCount, quietDays, newDelays,
                outbreaksByLength, detectedLengths, quietStatistics, outbreakStatistics);
    }

    private static boolean alarm(List<Decision> decisions, int firstDay, int day) {
        int i = day - firstDay;
        return i >= 0 && i < decisions.size() && decisions.get(i).alarm();
    }

    public InjectionMetrics plus(InjectionMetrics other) {
        List<Integer> allDelays = new ArrayList<>(delays);
        allDelays.addAll(other.delays);
        List<Double> allQuiet = new ArrayList<>(quietStatistics);
        allQuiet.addAll(other.quietStatistics);
        List<double[]> allOutbreakStatistics = new ArrayList<>(outbreakStatistics);
        allOutbreakStatistics.addAll(other.outbreakStatistics);
        int[] lengths = outbreaksByLength.clone();
        int[] detectedLengths = detectedByLength.clone();
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] += other.outbreaksByLength[i];
            detectedLengths[i] += other.detectedByLength[i];
        }
        return new InjectionMetrics(outbreaks + other.outbreaks, detected + other.detected,
                falseAlarms + other.falseAlarms, quietDays + other.quietDays, allDelays, lengths, detectedLengths,
                allQuiet, allOutbreakStatistics);
    }

    public double probabilityOfDetection() {
        return outbreaks == 0 ? Double.NaN : detected / (double) outbreaks;
    }

    public double falseAlarmsPer100Days() {
        return quietDays == 0 ? Double.NaN : 100.0 * falseAlarms / quietDays;
    }

    public double medianDelay() {
        if (delays.isEmpty()) {
            return Double.NaN;
        }
        int[] sorted = delays.stream().mapToInt(Integer::intValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    public double meanDelay() {
        return delays.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
    }

    /** Detection rate for outbreaks of exactly {@code length} days. */
    public double probabilityOfDetection(int length) {
        return outbreaksByLength[length] == 0 ? Double.NaN : detectedByLength[length] / (double) outbreaksByLength[length];
    }

    @Override
    public String toString() {
        return "InjectionMetrics[outbreaks=" + outbreaks + ", detected=" + detected + ", falseAlarms=" + falseAlarms
                + ", quietDays=" + quietDays + ", byLength=" + Arrays.toString(outbreaksByLength) + "]";
    }
}
