package org.hotline.alerts.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.detect.CountDistribution;
import org.hotline.alerts.detect.Decision;
import org.hotline.alerts.detect.Detector;
import org.hotline.alerts.detect.RegressionScanDetector;
import org.hotline.alerts.series.DailySeries;

/**
 * Turns one node × district series into a SEASONAL alert for a day. This is the call a
 * stream job makes once per series and day: it keeps the series' last two years of daily counts (about 6 KB)
 * and passes them here with today's count appended.
 *
 * <p>A SEASONAL alert needs the detector's alarm and also a count of at least {@code seasonalMinCount} whose
 * Poisson tail probability, with the expected count floored at {@value #EXPECTED_FLOOR} a day, is at most
 * {@code seasonalMaxPValue}. Without that gate, EARS C2 on a sparse series (a leaf in one district, zeros all week)
 * alarms at a count of 1 or 2, and a city has thousands of such series: the demo's 91 days of synthetic demands
 * with two planted surges gave 398 seasonal alerts, nearly all of them noise. The backtests score the detectors
 * themselves, without this gate.
 */
public final class SeriesAlerter {

    /** History a caller needs to keep per series: the regression's fit window plus the scan's reach. */
    public static final int HISTORY_DAYS = 730 + 28 + 7 + 28;
    /** Demands a day a series is assumed to expect at least: one every two days. */
    static final double EXPECTED_FLOOR = 0.5;

    private final AlertRules rules;
    private final Detector detector;

    public SeriesAlerter(AlertRules rules, HolidayCalendar calendar) {
        this.rules = rules;
        this.detector = new RegressionScanDetector(calendar, rules.seasonalThreshold());
    }

    /**
     * @param series   the node × district counts up to and including {@code day}
     * @param evidence top phrases and example record ids of the day's demands for this series
     */
    public Optional<Alert> alert(String nodePath, String district, DailySeries series, int day, Evidence evidence) {
        if (day < detector.warmUpDays()) {
            return Optional.empty();
        }
        LocalDate date = series.date(day);
        double count = series.count(day);
        Decision decision = detector.score(series, day);
        double pValue = poissonTail(count, decision.expected());
        if (!decision.alarm() || count < rules.seasonalMinCount() || pValue > rules.seasonalMaxPValue()) {
            return Optional.empty();
        }
        return Optional.of(Alert.of(AlertKind.SEASONAL, nodePath, List.of(district), date, date, count,
                decision.expected(), decision.statistic(), pValue, withNote(evidence, String.format(Locale.ROOT,
                        "%.0f demands, %.1f expected from trend, weekday, season and holidays (%s)", count,
                        decision.expected(), decision.method()))));
    }

    /** P(X ≥ count) for X ~ Poisson(max(expected, floor)). */
    static double poissonTail(double count, double expected) {
        double mean = Math.max(Double.isFinite(expected) ? expected : 0, EXPECTED_FLOOR);
        return CountDistribution.upperTail(mean, mean, count);
    }

    private static Evidence withNote(Evidence evidence, String note) {
        Evidence base = evidence == null ? Evidence.NONE : evidence;
        return new Evidence(base.topPhrases(), base.exampleRecordIds(), note);
    }
}
