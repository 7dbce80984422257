package org.hotline.alerts.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.series.DailySeries;

/**
 * How much busier each day of the week is than the average day, estimated from a few weeks of history for
 * forecasts that cannot fit a seasonal regression yet.
 *
 * <p>Shrinkage: each factor is the posterior mean of a Gamma(k, k) prior (mean 1, i.e. no weekly rhythm) updated
 * with that weekday's Poisson counts, {@code (observed + k) / (expected without rhythm + k)} with k =
 * {@link #PRIOR_COUNTS}. A weekday that saw thousands of demands keeps its raw ratio; one that saw a handful is
 * pulled most of the way to 1, so a sparse series gets an almost flat forecast instead of its noise repeated
 * weekly.
 *
 * <p>Holidays and make-up workdays are left out of the estimate (they would blur their weekday's factor). A
 * holiday is forecast like a Sunday and a make-up workday like the average Monday–Friday.
 */
record WeekdayFactors(double[] byWeekday, HolidayCalendar calendar) {

    /** k: the prior is worth this many demands per weekday (its SD is 1/√k ≈ 0.32, a plausible weekly effect). */
    static final double PRIOR_COUNTS = 10;

    /** Factors from the days {@code [from, to)} of the series. */
    static WeekdayFactors estimate(DailySeries series, int from, int to, HolidayCalendar calendar) {
        double[] sums = new double[7];
        int[] days = new int[7];
        for (int t = from; t < to; t++) {
            LocalDate date = series.date(t);
            if (!calendar.isHoliday(date) && !calendar.isMakeUpWorkday(date)) {
                int weekday = date.getDayOfWeek().ordinal();
                sums[weekday] += series.count(t);
                days[weekday]++;
            }
        }
        double total = 0;
        int totalDays = 0;
        for (int weekday = 0; weekday < 7; weekday++) {
            total += sums[weekday];
            totalDays += days[weekday];
        }
        double mean = totalDays == 0 ? 0 : total / totalDays;
        double[] factors = new double[7];
        for (int weekday = 0; weekday < 7; weekday++) {
            factors[weekday] = (sums[weekday] + PRIOR_COUNTS) / (days[weekday] * mean + PRIOR_COUNTS);
        }
        return new WeekdayFactors(factors, calendar);
    }

    double on(LocalDate date) {
        if (calendar.isHoliday(date)) {
            return byWeekday[DayOfWeek.SUNDAY.ordinal()];
        }
        if (calendar.isMakeUpWorkday(date)) {
            double sum = 0;
            for (DayOfWeek day = DayOfWeek.MONDAY; day != DayOfWeek.SATURDAY; day = day.plus(1)) {
                sum += byWeekday[day.ordinal()];
            }
            return sum / 5;
        }
        return byWeekday[date.getDayOfWeek().ordinal()];
    }
}
