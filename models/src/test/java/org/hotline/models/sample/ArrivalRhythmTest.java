package org.hotline.models.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArrivalRhythmTest {
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 1, 5, 0, 0, 0, 0, ZoneOffset.ofHours(8));
    private final ArrivalRhythm week = new ArrivalRhythm(MONDAY, MONDAY.plusDays(7));

    @Test
    void quantilesMapOntoTheWindowInOrder() {
        assertThat(week.at(0)).isEqualTo(MONDAY);
        assertThat(week.at(1)).isBefore(MONDAY.plusDays(7)).isAfter(MONDAY.plusDays(6).plusHours(20));
        OffsetDateTime previous = MONDAY;
        for (int i = 1; i < 1000; i++) {
            OffsetDateTime t = week.at(i / 1000.0);
            assertThat(t).isAfterOrEqualTo(previous);
            previous = t;
        }
    }

    @Test
    void theMedianArrivalFallsMidweekInWorkingHours() {
        OffsetDateTime median = week.at(0.5);

        assertThat(median.getDayOfMonth()).isBetween(7, 8);
        assertThat(median.getHour()).isBetween(7, 21);
    }

    @Test
    void nightsAndWeekendsAreQuieter() {
        assertThat(ArrivalRhythm.intensity(MONDAY.plusHours(10))).isGreaterThan(10 * ArrivalRhythm.intensity(MONDAY.plusHours(3)));
        assertThat(ArrivalRhythm.intensity(MONDAY.plusDays(6).plusHours(10)))
                .isLessThan(ArrivalRhythm.intensity(MONDAY.plusDays(2).plusHours(10)));
    }

    @Test
    void aWindowShorterThanAnHourIsRejected() {
        assertThatThrownBy(() -> new ArrivalRhythm(MONDAY, MONDAY.plusMinutes(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one hour");
    }
}
