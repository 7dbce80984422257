package org.hotline.alerts.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HIGH_FREQUENCY: the analyst's thresholds for a node ({@link AlertRules.NodeRule}) applied to one district's day:
 * the node's demands reach the count threshold, or their share of all the district's classified demands that day
 * reaches the share threshold. The stream job calls it when a district's day closes, with the day's total.
 */
public final class HighFrequencyAlerter {
    private final AlertRules rules;

    public HighFrequencyAlerter(AlertRules rules) {
        this.rules = rules;
    }

    /** Whether any threshold covers {@code nodePath}: a caller keeps the day's evidence only for such nodes. */
    public boolean watches(String nodePath) {
        return rules.ruleFor(nodePath).isSet();
    }

    /**
     * @param count         the node's demands in the district on {@code day}
     * @param districtTotal all the district's classified demands that day
     */
    public Optional<Alert> alert(String nodePath, String district, LocalDate day, double count, double districtTotal,
                                 Evidence evidence) {
        AlertRules.NodeRule rule = rules.ruleFor(nodePath);
        if (!rule.isHighFrequency(count, districtTotal)) {
            return Optional.empty();
        }
        double threshold = rule.thresholdCount(districtTotal);
        String note = String.format(Locale.ROOT, "%.0f demands, %.1f%% of the district's %.0f; high-frequency from %.0f"
                        + " that day (rule: %s)", count, districtTotal > 0 ? 100 * count / districtTotal : 0,
                districtTotal, threshold, describe(rule));
        Evidence base = evidence == null ? Evidence.NONE : evidence;
        return Optional.of(Alert.of(AlertKind.HIGH_FREQUENCY, nodePath, List.of(district), day, day, count, threshold,
                count, Double.NaN, new Evidence(base.topPhrases(), base.exampleRecordIds(), note)));
    }

    private static String describe(AlertRules.NodeRule rule) {
        String byCount = Double.isFinite(rule.minDailyCount())
                ? String.format(Locale.ROOT, "%.0f demands", rule.minDailyCount()) : null;
        String byShare = Double.isFinite(rule.maxDailyShare())
                ? String.format(Locale.ROOT, "%.1f%% of the district with at least %.0f", 100 * rule.maxDailyShare(),
                        rule.shareMinCount()) : null;
        return byCount == null ? byShare : byShare == null ? byCount : byCount + " or " + byShare;
    }
}
