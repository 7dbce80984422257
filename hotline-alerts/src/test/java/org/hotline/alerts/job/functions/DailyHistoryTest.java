package org.hotline.alerts.job.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.hotline.alerts.alert.SeriesAlerter;
import org.junit.jupiter.api.Test;

class DailyHistoryTest {
    private final LocalDate day = LocalDate.parse("2026-03-01");

    @Test
    void closingADayFillsSilentDaysWithZeros() {
        DailyHistory history = DailyHistory.empty().close(day, 4, 10).close(day.plusDays(3), 7, 10);

        assertThat(history.counts()).containsExactly(4, 0, 0, 7);
        assertThat(history.lastDay()).isEqualTo(day.plusDays(3));
        assertThat(history.toSeries("k").start()).isEqualTo(day);
        assertThat(history.toSeries("k").countsView()).containsExactly(4, 0, 0, 7);
    }

    @Test
    void keepsOnlyTheLastDays() {
        DailyHistory history = DailyHistory.empty();
        for (int i = 0; i < 20; i++) {
            history = history.close(day.plusDays(i), i, 5);
        }
        assertThat(history.counts()).containsExactly(15, 16, 17, 18, 19);
        assertThat(history.toSeries("k").start()).isEqualTo(day.plusDays(15));

        DailyHistory afterLongSilence = history.close(day.plusDays(100), 1, 5);
        assertThat(afterLongSilence.counts()).containsExactly(0, 0, 0, 0, 1);
        assertThat(afterLongSilence.lastDay()).isEqualTo(day.plusDays(100));
    }

    @Test
    void aClosedDayCannotBeClosedAgainButTakesLateRecords() {
        DailyHistory history = DailyHistory.empty().close(day, 4, 10).close(day.plusDays(1), 2, 10);

        assertThatThrownBy(() -> history.close(day, 1, 10)).hasMessageContaining("already closed");
        assertThat(history.addLate(day, 1).counts()).containsExactly(5, 2);
        assertThat(history.addLate(day.minusDays(1), 1)).isEqualTo(history);
    }

    @Test
    void encodesCompactlyAndRoundTrips() {
        DailyHistory history = DailyHistory.empty();
        for (int i = 0; i < SeriesAlerter.HISTORY_DAYS; i++) {
            history = history.close(day.plusDays(i), i % 7 == 0 ? 300 : i % 5, SeriesAlerter.HISTORY_DAYS);
        }
        byte[] bytes = history.encode();

        assertThat(DailyHistory.decode(bytes)).isEqualTo(history);
        assertThat(bytes.length).isLessThan(SeriesAlerter.HISTORY_DAYS * 2);
        assertThat(DailyHistory.decode(null).isEmpty()).isTrue();
        DailyHistory beforeEpoch = DailyHistory.empty().close(LocalDate.parse("1960-01-01"), 3, 5);
        assertThat(DailyHistory.decode(beforeEpoch.encode())).isEqualTo(beforeEpoch);
    }
}
