package org.hotline.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.api.Responses.ok;
import static org.hotline.web.api.Responses.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.web.domain.ForecastingTrends;
import org.hotline.web.domain.TrendQuery;
import org.hotline.web.domain.TrendSource;
import org.hotline.web.domain.Trends;
import org.junit.jupiter.api.Test;

class TrendsHandlerTest {
    private final List<TrendQuery> asked = new ArrayList<>();
    private final TrendSource source = query -> {
        asked.add(query);
        return new Trends(query.level(), "2026-03-01", "2026-03-02", query.district(),
                List.of("2026-03-01", "2026-03-02"), List.of(new Trends.Series("城乡建设", 5, List.of(2L, 3L))), 5, 0);
    };
    /** Four weeks up to Sunday 2026-03-29: 20 demands on weekdays, 8 at weekends. */
    private final TrendSource fourWeeks = query -> {
        LocalDate from = LocalDate.parse("2026-03-02");
        List<String> dates = from.datesUntil(from.plusDays(28)).map(LocalDate::toString).toList();
        List<Long> counts = from.datesUntil(from.plusDays(28))
                .map(day -> day.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) < 0 ? 20L : 8L).toList();
        return new Trends(query.level(), dates.get(0), dates.get(27), null, dates,
                List.of(new Trends.Series("城乡建设", 464, counts)), 464, 0);
    };
    private final FakeAlertDesk alerts = new FakeAlertDesk()
            .with(FakeAlertDesk.alert("a-1", "COMMON", AlertStatus.OPEN))
            .with(FakeAlertDesk.alert("a-2", "COMMON", AlertStatus.OPEN))
            .with(FakeAlertDesk.alert("a-3", "COMMON", AlertStatus.RESOLVED));
    private final TrendsHandler handler = new TrendsHandler(source, alerts);

    @Test
    void answersDailyCountsPerNodeAndTheOpenAlerts() {
        JsonNode body = ok(handler, ApiRequest.get("/api/trends", Map.of("level", "2", "days", "2",
                "district", "江滨区", "to", "2026-03-02", "top", "10", "forecast", "3")));

        assertThat(asked).containsExactly(new TrendQuery(2, 2, LocalDate.parse("2026-03-02"), "江滨区", 10, 3));
        assertThat(body.get("level").asInt()).isEqualTo(2);
        assertThat(body.get("dates")).hasSize(2);
        assertThat(body.get("series").get(0).get("node").asText()).isEqualTo("城乡建设");
        assertThat(body.get("series").get(0).get("counts").toString()).isEqualTo("[2,3]");
        assertThat(body.get("total").asLong()).isEqualTo(5);
        assertThat(body.get("openAlerts").asLong()).isEqualTo(2);
        assertThat(alerts.filters).allSatisfy(f -> assertThat(f.status()).isEqualTo(AlertStatus.OPEN));
    }

    @Test
    void defaultsToLevelOneOverThirtyDaysEndingWithTheNewestRecordAndAWeekAhead() {
        ok(handler, ApiRequest.get("/api/trends", Map.of()));

        assertThat(asked).containsExactly(new TrendQuery(1, 30, null, null, 15, 7));
    }

    @Test
    void forecastsEachSeriesForTheDaysAfterTheLastOneWithItsWeeklyRhythm() {
        TrendsHandler forecasting = new TrendsHandler(new ForecastingTrends(fourWeeks, HolidayCalendar.NONE), alerts);

        JsonNode forecast = ok(forecasting, ApiRequest.get("/api/trends", Map.of())).get("series").get(0)
                .get("forecast");

        assertThat(forecast).hasSize(7);
        for (int h = 0; h < 7; h++) {
            JsonNode day = forecast.get(h);
            assertThat(day.get("date").asText()).isEqualTo(LocalDate.parse("2026-03-30").plusDays(h).toString());
            assertThat(day.get("lower").asLong()).isNotNegative();
            assertThat(day.get("lower").asDouble()).isLessThanOrEqualTo(day.get("expected").asDouble());
            assertThat(day.get("expected").asDouble()).isLessThanOrEqualTo(day.get("upper").asDouble());
        }
        // Monday to Friday near 20, the weekend near 8 (the factors are shrunk a little toward 1)
        assertThat(forecast.get(0).get("expected").asDouble()).isBetween(19.0, 20.0);
        assertThat(forecast.get(5).get("expected").asDouble()).isBetween(8.0, 9.5);
    }

    @Test
    void forecastZeroLeavesTheSeriesWithoutForecast() {
        TrendsHandler forecasting = new TrendsHandler(new ForecastingTrends(fourWeeks, HolidayCalendar.NONE), alerts);

        JsonNode series = ok(forecasting, ApiRequest.get("/api/trends", Map.of("forecast", "0"))).get("series").get(0);

        assertThat(series.get("counts")).hasSize(28);
        assertThat(series.get("forecast")).isEmpty();
    }

    @Test
    void refusesLevelsDaysDatesAndForecastsOutOfRange() {
        assertThat(refusal(handler, ApiRequest.get("/api/trends", Map.of("level", "4"))).getMessage())
                .isEqualTo("level must be from 1 to 3, not 4");
        assertThat(refusal(handler, ApiRequest.get("/api/trends", Map.of("days", "0"))).getMessage())
                .isEqualTo("days must be from 1 to 366, not 0");
        assertThat(refusal(handler, ApiRequest.get("/api/trends", Map.of("to", "yesterday"))).getMessage())
                .isEqualTo("to must be a date like 2026-03-01, not 'yesterday'");
        assertThat(refusal(handler, ApiRequest.get("/api/trends", Map.of("forecast", "15"))).getMessage())
                .isEqualTo("forecast must be from 0 to 14, not 15");
        assertThat(refusal(handler, ApiRequest.get("/api/trends", Map.of("forecast", "a week"))).getMessage())
                .isEqualTo("forecast must be a whole number from 0 to 14, not 'a week'");
        assertThat(refusal(handler, ApiRequest.post("/api/trends", "{}")).status()).isEqualTo(405);
    }
}
