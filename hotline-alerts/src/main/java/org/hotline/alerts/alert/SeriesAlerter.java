package org.hotline.alerts.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.detect.Decision;
import org.hotline.alerts.detect.Detector;
import org.hotline.alerts.detect.RegressionScanDetector;
import org.hotline.alerts.series.DailySeries;

/**
 * Turns one node × district series into SEASONAL and HIGH_FREQUENCY alerts for a day. This is the call a
 * stream job makes once per series and day: it keeps the series' last two years of daily counts (about 6 KB)
 * and passes them here with today's count appended.
 */
public final class SeriesAlerter {

    /** History a caller needs to keep per series: the regression's fit window plus the scan's reach. */
    public static final int HISTORY_DAYS = 730 + 28 + 7 + 28;

    private final AlertRules rules;
    private final Detector detector;

    public SeriesAlerter(AlertRules rules, HolidayCalendar calendar) {
        this.rules = rules;
        this.detector = new RegressionScanDetector(calendar, rules.seasonalThreshold());
    }

    /**
     * @param series        the node × district counts up to and including {@code day}
     * @param districtTotal all demands of the district on that day (for the share threshold)
     * @param evidence      top phrases and example record ids of the day's demands for this series
     */
    public List<Alert> alerts(String nodePath, String district, DailySeries series, int day, double districtTotal,
                              Evidence evidence) {
        List<Alert> alerts = new ArrayList<>();
        LocalDate date = series.date(day);
        double count = series.count(day);
        if (day >= detector.warmUpDays()) {
            Decision decision = detector.score(series, day);
            if (decision.alarm()) {
                alerts.add(Alert.of(AlertKind.SEASONAL, nodePath, List.of(district), date, date, count,
                        decision.expected(), decision.statistic(), Double.NaN, withNote(evidence, String.format(
                                Locale.ROOT, "%.0f demands, %.1f expected from trend, weekday, season and holidays"
                                        + " (%s)", count, decision.expected(), decision.method()))));
            }
        }
        AlertRules.NodeRule rule = rules.ruleFor(nodePath);
        if (rule.isHighFrequency(count, districtTotal)) {
            alerts.add(Alert.of(AlertKind.HIGH_FREQUENCY, nodePath, List.of(district), date, date, count,
                    rule.minDailyCount(), count, Double.NaN, withNote(evidence, String.format(Locale.ROOT,
                            "%.0f demands (%.1f%% of the district's %.0f); thresholds %s demands or %s share", count,
                            districtTotal > 0 ? 100 * count / districtTotal : 0, districtTotal, rule.minDailyCount(),
                            rule.maxDailyShare()))));
        }
        return alerts;
    }

    private static Evidence withNote(Evidence evidence, String note) {
        Evidence base = evidence == null ? Evidence.NONE : evidence;
        return new Evidence(base.topPhrases(), base.exampleRecordIds(), note);
    }
}
