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
