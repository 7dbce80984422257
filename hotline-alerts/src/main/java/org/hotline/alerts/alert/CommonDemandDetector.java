package org.hotline.alerts.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 共性 demands: the same node alarming (SEASONAL or HIGH_FREQUENCY) in at least k districts within one
 * window of days. The window is the {@code windowDays} days ending on {@code asOf}.
 */
public final class CommonDemandDetector {

    private final int minDistricts;
    private final int windowDays;

    public CommonDemandDetector(int minDistricts, int windowDays) {
        if (minDistricts < 1 || windowDays < 1) {
            throw new IllegalArgumentException("minDistricts and windowDays must be at least 1");
        }
        this.minDistricts = minDistricts;
        this.windowDays = windowDays;
    }

    public List<Alert> detect(List<Alert> alerts, LocalDate asOf) {
        LocalDate from = asOf.minusDays(windowDays - 1L);
        Map<String, List<Alert>> byNode = new TreeMap<>();
        for (Alert alert : alerts) {
            boolean countable = alert.kind() == AlertKind.SEASONAL || alert.kind() == AlertKind.HIGH_FREQUENCY;
            boolean inWindow = !alert.windowEnd().isBefore(from) && !alert.windowEnd().isAfter(asOf);
            if (countable && inWindow) {
                byNode.computeIfAbsent(alert.nodePath(), k -> new ArrayList<>()).add(alert);
            }
        }
        List<Alert> common = new ArrayList<>();
        byNode.forEach((node, nodeAlerts) -> {
            Set<String> districts = new LinkedHashSet<>();
            Set<String> examples = new LinkedHashSet<>();
            Set<String> phrases = new LinkedHashSet<>();
            double observed = 0;
            double expected = 0;
            for (Alert alert : nodeAlerts) {
                districts.addAll(alert.districts());
                alert.evidence().exampleRecordIds().stream().limit(2).forEach(examples::add);
                alert.evidence().topPhrases().stream().limit(3).forEach(phrases::add);
                observed += alert.observed();
                expected += Double.isFinite(alert.expected()) ? alert.expected() : 0;
            }
            if (districts.size() >= minDistricts) {
                common.add(Alert.of(AlertKind.COMMON, node, List.copyOf(districts), from, asOf, observed, expected,
                        districts.size(), Double.NaN, new Evidence(List.copyOf(phrases), List.copyOf(examples),
                                districts.size() + " districts alarming within " + windowDays + " days (k = "
                                        + minDistricts + ")")));
            }
        });
        return common;
    }
}
