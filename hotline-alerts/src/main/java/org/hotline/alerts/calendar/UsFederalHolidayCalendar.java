package org.hotline.alerts.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * US federal holidays by their rules (5 U.S.C. 6103), with the Friday/Monday observance shift.
 * Used when backtesting on the New York City 311 series, whose demand dips on these days.
 */
public final class UsFederalHolidayCalendar implements HolidayCalendar {

    public static final UsFederalHolidayCalendar INSTANCE = new UsFederalHolidayCalendar();

    private UsFederalHolidayCalendar() {
    }

    /** 1 New Year, 2 Martin Luther King, 3 Presidents, 4 Memorial, 5 Independence, 6 Labor, 7 Columbus,
     *  8 Veterans, 9 Thanksgiving, 10 Christmas (observed dates). */
    @Override
    public int holidayKind(LocalDate date) {
        int year = date.getYear();
        LocalDate[] days = {
            observed(LocalDate.of(year, 1, 1)),
            nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3),
            nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3),
            LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
            observed(LocalDate.of(year, 7, 4)),
            nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1),
            nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2),
            observed(LocalDate.of(year, 11, 11)),
            nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4),
            observed(LocalDate.of(year, 12, 25)),
        };
        for (int kind = 0; kind < days.length; kind++) {
            if (days[kind].equals(date)) {
                return kind + 1;
            }
        }
        return observed(LocalDate.of(year + 1, 1, 1)).equals(date) ? 1 : 0;
    }

    @Override
    public int holidayKinds() {
        return 10;
    }

    @Override
    public boolean isMakeUpWorkday(LocalDate date) {
        return false;
    }

    private static LocalDate nth(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    private static LocalDate observed(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }
}
