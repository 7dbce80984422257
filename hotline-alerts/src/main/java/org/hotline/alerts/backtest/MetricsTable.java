package org.hotline.alerts.backtest;

import java.util.Locale;
import java.util.Map;

/** The comparison table printed by the backtest and quoted in docs/benchmarks/alerts.md. */
public final class MetricsTable {

    private MetricsTable() {
    }

    public static String render(Map<String, InjectionMetrics> metrics, int minDays, int maxDays) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-11s %9s %8s %6s %9s %8s %8s", "detector", "outbreaks", "detected",
                "POD", "FA/100d", "med.del", "mean.del"));
        for (int length = minDays; length <= maxDays; length++) {
            table.append(String.format(Locale.ROOT, " %6s", "POD" + length + "d"));
        }
        table.append('\n');
        metrics.forEach((name, m) -> {
            table.append(String.format(Locale.ROOT, "%-11s %9d %8d %6.3f %9.3f %8.1f %8.2f", name, m.outbreaks(),
                    m.detected(), m.probabilityOfDetection(), m.falseAlarmsPer100Days(), m.medianDelay(),
                    m.meanDelay()));
            for (int length = minDays; length <= maxDays; length++) {
                table.append(String.format(Locale.ROOT, " %6.3f", m.probabilityOfDetection(length)));
            }
            table.append('\n');
        });
        return table.toString();
    }

    /**
     * Every detector re-thresholded to the false-alarm rate that {@code reference} reached at its own
     * threshold, so that detection can be compared at equal false alarms.
     */
    public static String renderMatched(Map<String, InjectionMetrics> metrics, String reference, int minDays,
                                       int maxDays) {
        InjectionMetrics referenceMetrics = metrics.get(reference);
        if (referenceMetrics == null) {
            return "";
        }
        double rate = referenceMetrics.falseAlarmsPer100Days();
        Map<String, InjectionMetrics> matched = new java.util.LinkedHashMap<>();
        metrics.forEach((name, m) -> matched.put(name, name.equals(reference) ? m : m.atFalseAlarmRate(rate)));
        return String.format(Locale.ROOT, "baselines re-thresholded to %s's false-alarm rate (%.3f per 100 days):%n",
                reference, rate) + render(matched, minDays, maxDays);
    }
}
