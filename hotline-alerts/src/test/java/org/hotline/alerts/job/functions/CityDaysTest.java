package org.hotline.alerts.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class CityDaysTest {
    private final CityDays beijing = CityDays.of("Asia/Shanghai");

    @Test
    void aDayIsCutAtTheCitysMidnightNotUtcs() {
        // 16:30 UTC on 1 March is 00:30 on 2 March in Beijing.
        assertThat(beijing.dayOf(Instant.parse("2026-03-01T16:30:00Z").toEpochMilli()))
                .isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(beijing.dayOf(Instant.parse("2026-03-01T15:59:59.999Z").toEpochMilli()))
                .isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(CityDays.of("UTC").dayOf(Instant.parse("2026-03-01T16:30:00Z").toEpochMilli()))
                .isEqualTo(LocalDate.parse("2026-03-01"));
    }

    @Test
    void theEndOfADayIsTheLastMillisecondBeforeTheNextLocalMidnight() {
        LocalDate day = LocalDate.parse("2026-03-01");
        assertThat(beijing.endOfDay(day)).isEqualTo(Instant.parse("2026-03-01T15:59:59.999Z").toEpochMilli());
        assertThat(beijing.dayOf(beijing.endOfDay(day))).isEqualTo(day);
        assertThat(beijing.startOfDay(day.plusDays(1))).isEqualTo(beijing.endOfDay(day) + 1);
    }

    @Test
    void travelsWithAFunction() throws Exception {
        CityDays copy = InstantiationUtil.clone(beijing);
        assertThat(copy.zone()).isEqualTo(beijing.zone());
    }
}
