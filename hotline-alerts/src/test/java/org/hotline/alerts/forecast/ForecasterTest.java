package org.hotline.alerts.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;

class ForecasterTest {

    @Test
    void forecastsTheWeekdayPatternWithIntervalsAroundIt() {
        DailySeries series = Synthetic.weekly(LocalDate.of(2022, 1, 3), 800, 50, 0.4, 9);
        List<Forecaster.Forecast> forecasts = new Forecaster(HolidayCalendar.NONE).forecast(series, 7, 0.1);
        assertThat(forecasts).hasSize(7);
        assertThat(forecasts.get(0).date()).isEqualTo(series.date(series.size() - 1).plusDays(1));
        for (Forecaster.Forecast f : forecasts) {
            double truth = f.date().getDayOfWeek().getValue() >= 6 ? 20 : 50;
            assertThat(f.expected()).isBetween(truth * 0.85, truth * 1.15);
            assertThat(f.lower()).isLessThan(f.expected());
            assertThat(f.upper()).isGreaterThan(f.expected());
            assertThat(f.upper() - f.lower()).isBetween(2 * Math.sqrt(truth), 6 * Math.sqrt(truth));
        }
    }

    @Test
    void shortHistoriesGetAFlatForecast() {
        DailySeries series = Synthetic.weekly(LocalDate.of(2024, 1, 1), 60, 10, 1.0, 2);
        List<Forecaster.Forecast> forecasts = new Forecaster(HolidayCalendar.NONE).forecast(series, 3, 0.1);
        assertThat(forecasts).extracting(Forecaster.Forecast::expected).allSatisfy(e -> assertThat(e).isBetween(7.0, 13.0));
    }
}
