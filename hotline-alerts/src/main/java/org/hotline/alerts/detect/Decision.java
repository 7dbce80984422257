package org.hotline.alerts.detect;

import java.time.LocalDate;

/**
 * One detector's verdict on one day.
 *
 * @param observed  the count on that day
 * @param expected  the count the detector's baseline predicts for that day
 * @param upper     the count above which that day alone would have raised an alarm, given the history
 * @param statistic the detector's test statistic (e.g. a z-score), comparable to {@code threshold}
 * @param threshold the statistic's alarm threshold; {@code alarm == statistic > threshold}
 * @param method    which model actually decided (a detector may fall back to another on short history)
 */
public record Decision(LocalDate date, boolean alarm, double observed, double expected, double upper,
                       double statistic, double threshold, String method) {

    public static Decision of(LocalDate date, double observed, double expected, double upper, double statistic,
                              double threshold, String method) {
        return new Decision(date, statistic > threshold, observed, expected, upper, statistic, threshold, method);
    }
}
