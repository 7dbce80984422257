package org.hotline.alerts.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    private final HolidayCalendar china = HolidayCalendar.named("cn");
    private final HolidayCalendar us = HolidayCalendar.named("us");

    @Test
    void springFestivalMovesWithTheLunarCalendar() {
        assertThat(china.holidayKind(LocalDate.of(2024, 2, 10))).isEqualTo(2);
        assertThat(china.holidayKind(LocalDate.of(2023, 1, 22))).isEqualTo(2);
        assertThat(china.isHoliday(LocalDate.of(2024, 1, 22))).isFalse();
        assertThat(china.holidayKind(LocalDate.of(2028, 1, 26))).as("projected year").isEqualTo(2);
    }

    @Test
    void otherFestivalsAreTheirOwnKind() {
        assertThat(china.holidayKind(LocalDate.of(2019, 4, 5))).isEqualTo(3); // Qingming
        assertThat(china.holidayKind(LocalDate.of(2019, 5, 2))).isEqualTo(4); // Labour Day
        assertThat(china.holidayKind(LocalDate.of(2019, 6, 7))).isEqualTo(5); // Dragon Boat
        assertThat(china.holidayKind(LocalDate.of(2019, 9, 13))).isEqualTo(6); // Mid-Autumn
        assertThat(china.holidayKind(LocalDate.of(2023, 9, 29))).isEqualTo(7); // merged with National Day
        assertThat(china.holidayKind(LocalDate.of(2015, 9, 3))).isEqualTo(8); // Victory Day 2015
    }

    /**
     * The lunar festivals (春节 first day of the first month, 端午 5th of the 5th, 中秋 15th of the 8th) fall on these
     * Gregorian days, 2010–2030: astronomical facts, independent of how the calendar was transcribed. Each must be a
     * day off of its kind, announced or projected.
     */
    @Test
    void everyLunarFestivalOf2010To2030IsADayOffOfItsKind() {
        String[] springFestival = {"2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10", "2014-01-31", "2015-02-19",
            "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25", "2021-02-12", "2022-02-01",
            "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",
            "2030-02-03"};
        String[] dragonBoat = {"2010-06-16", "2011-06-06", "2012-06-23", "2013-06-12", "2014-06-02", "2015-06-20",
            "2016-06-09", "2017-05-30", "2018-06-18", "2019-06-07", "2020-06-25", "2021-06-14", "2022-06-03",
            "2023-06-22", "2024-06-10", "2025-05-31", "2026-06-19", "2027-06-09", "2028-05-28", "2029-06-16",
            "2030-06-05"};
        String[] midAutumn = {"2010-09-22", "2011-09-12", "2012-09-30", "2013-09-19", "2014-09-08", "2015-09-27",
            "2016-09-15", "2017-10-04", "2018-09-24", "2019-09-13", "2020-10-01", "2021-09-21", "2022-09-10",
            "2023-09-29", "2024-09-17", "2025-10-06", "2026-09-25", "2027-09-15", "2028-10-03", "2029-09-22",
            "2030-09-12"};
        for (String day : springFestival) {
            assertThat(china.holidayKind(LocalDate.parse(day))).as("春节 " + day).isEqualTo(2);
        }
        for (String day : dragonBoat) {
            assertThat(china.holidayKind(LocalDate.parse(day))).as("端午 " + day).isEqualTo(5);
        }
        for (String day : midAutumn) {
            // In years where it falls in or next to the National Day week, the two are one holiday (kind 7).
            assertThat(china.holidayKind(LocalDate.parse(day))).as("中秋 " + day).isIn(6, 7);
        }
    }

    @Test
    void makeUpWorkdaysAreWorkdaysDespiteTheWeekend() {
        LocalDate sunday = LocalDate.of(2024, 2, 4);
        assertThat(sunday.getDayOfWeek().getValue()).isEqualTo(7);
        assertThat(china.isMakeUpWorkday(sunday)).isTrue();
        assertThat(china.isWorkday(sunday)).isTrue();
        assertThat(china.isWorkday(LocalDate.of(2024, 10, 2))).isFalse();
    }

    @Test
    void usHolidaysFollowTheirRules() {
        assertThat(us.holidayKind(LocalDate.of(2016, 11, 24))).isEqualTo(9); // Thanksgiving
        assertThat(us.holidayKind(LocalDate.of(2015, 7, 3))).isEqualTo(5); // July 4th on a Saturday → Friday
        assertThat(us.holidayKind(LocalDate.of(2016, 12, 26))).isEqualTo(10); // Christmas on a Sunday → Monday
        assertThat(us.holidayKind(LocalDate.of(2016, 12, 27))).isZero();
    }
}
