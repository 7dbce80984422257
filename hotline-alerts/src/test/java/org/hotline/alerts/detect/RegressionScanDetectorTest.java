package org.hotline.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class RegressionScanDetectorTest {

    private final RegressionScanDetector detector = new RegressionScanDetector(HolidayCalendar.NONE, 3.0);
    private final DailySeries weekly = Synthetic.weekly(LocalDate.of(2021, 1, 4), 3 * 365, 40, 0.5, 11);

    @Test
    void expectsTheWeekdayLevel() {
        int saturday = 2 * 365;
        while (weekly.date(saturday).getDayOfWeek().getValue() != 6) {
            saturday++;
        }
        Decision decision = detector.score(weekly, saturday);
        assertThat(decision.expected()).isBetween(16.0, 24.0);
        assertThat(detector.score(weekly, saturday + 2).expected()).isBetween(34.0, 46.0);
    }

    @Test
    void alarmsOnASpikeAndOnASpreadOutbreak() {
        int day = 2 * 365 + 100;
        assertThat(detector.score(Synthetic.withCount(weekly, day, weekly.count(day) + 40), day).alarm()).isTrue();
        double[] counts = weekly.countsCopy();
        for (int t = day - 4; t <= day; t++) {
            counts[t] += 14; // +35% a day for 5 days: no single day is extreme, the window is
        }
        DailySeries spread = new DailySeries("s", weekly.start(), counts);
        boolean found = false;
        for (int t = day - 4; t <= day; t++) {
            found |= detector.score(spread, t).alarm();
        }
        assertThat(found).isTrue();
    }

    @Test
    void raisesFewAlarmsOnAQuietSeries() {
        List<Decision> decisions = detector.scoreAll(weekly);
        long alarms = decisions.stream().skip(365).filter(Decision::alarm).count();
        assertThat(alarms).isLessThanOrEqualTo(7); // about 1% of 730 days at most
    }

    @Test
    void fallsBackToEarsC2WithLessThanAYearOfHistory() {
        Decision decision = detector.score(weekly, 100);
        assertThat(decision.method()).isEqualTo("ears-c2");
        assertThat(detector.score(weekly, 800).method()).isEqualTo("default");
    }

    @Test
    void streamAndBatchGiveTheSameDecisionsAndNeverLookAhead() {
        List<Decision> batch = detector.scoreAll(weekly);
        for (int day : new int[] {400, 731, 900, weekly.size() - 1}) {
            Decision streamed = detector.score(weekly.prefix(day + 1), day);
            assertThat(streamed).isEqualTo(batch.get(day - detector.warmUpDays()));
        }
        int day = 900;
        DailySeries changedFuture = Synthetic.withCount(weekly, day + 1, 5000);
        assertThat(detector.score(changedFuture, day)).isEqualTo(detector.score(weekly, day));
    }

    @Test
    void aReportedExcessIsNotReportedAgainOnQuietDaysAfterIt() {
        int day = 2 * 365 + 100;
        DailySeries spiked = Synthetic.withCount(weekly, day, weekly.count(day) + 80);
        assertThat(detector.score(spiked, day).alarm()).isTrue();
        for (int t = day + 1; t <= day + 6; t++) {
            assertThat(detector.score(spiked, t).alarm()).as("day +" + (t - day)).isFalse();
        }
    }
}
