package org.hotline.alerts.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Which days are public holidays and which weekend days are official working days (调休上班). */
public interface HolidayCalendar {

    default boolean isHoliday(LocalDate date) {
        return holidayKind(date) > 0;
    }

    /** 0 on ordinary days; 1..{@link #holidayKinds()} naming which holiday (each has its own effect on demand). */
    int holidayKind(LocalDate date);

    /** How many distinct holidays {@link #holidayKind} distinguishes. */
    int holidayKinds();

    /** A Saturday or Sunday that is a working day because of a holiday swap. */
    boolean isMakeUpWorkday(LocalDate date);

    /** True on days people normally work: weekdays that are not holidays, plus make-up working days. */
    default boolean isWorkday(LocalDate date) {
        if (isHoliday(date)) {
            return false;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return isMakeUpWorkday(date) || (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY);
    }

    HolidayCalendar NONE = new HolidayCalendar() {
        @Override
        public int holidayKind(LocalDate date) {
            return 0;
        }

        @Override
        public int holidayKinds() {
            return 0;
        }

        @Override
        public boolean isMakeUpWorkday(LocalDate date) {
            return false;
        }
    };

    /** Looks a calendar up by the name used on the command line: cn, us or none. */
    static HolidayCalendar named(String name) {
        return switch (name) {
            case "cn" -> ChinaHolidayCalendar.INSTANCE;
            case "us" -> UsFederalHolidayCalendar.INSTANCE;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("unknown holiday calendar '" + name + "' (cn, us, none)");
        };
    }
}
