package org.hotline.alerts.backtest;

import java.util.Locale;
import org.hotline.alerts.detect.Decision;

/** One ALARMS.csv row: date,alarm,observed,expected,upper. */
final class AlarmRow {

    private AlarmRow() {
    }

    static String format(Decision decision) {
        return String.format(Locale.ROOT, "%s,%d,%s,%.3f,%.3f", decision.date(), decision.alarm() ? 1 : 0,
                count(decision.observed()), decision.expected(), decision.upper());
    }

    private static String count(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
