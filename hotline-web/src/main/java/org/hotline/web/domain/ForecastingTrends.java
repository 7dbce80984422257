package org.hotline.web.domain;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.forecast.Forecaster;
import org.hotline.alerts.series.DailySeries;

/**
 * Counts from another {@link TrendSource}, and for each node a forecast of the {@link TrendQuery#forecastDays()}
 * days after the last one, from exactly the counts shown (docs/web.md). Under a year of counts, which is all the
 * dashboard shows, {@link Forecaster} takes level × day-of-week factors, with holidays like Sundays.
 */
public final class ForecastingTrends implements TrendSource {
    /** The dashboard's band: a 90% prediction interval. */
    static final double ALPHA = 0.1;

    private final TrendSource counts;
    private final Forecaster forecaster;

    public ForecastingTrends(TrendSource counts, HolidayCalendar calendar) {
        this.counts = counts;
        this.forecaster = new Forecaster(calendar);
    }

    @Override
    public Trends trends(TrendQuery query) throws IOException {
        Trends trends = counts.trends(query);
        if (query.forecastDays() == 0) {
            return trends;
        }
        LocalDate from = LocalDate.parse(trends.from());
        List<Trends.Series> series = new ArrayList<>();
        for (Trends.Series one : trends.series()) {
            series.add(new Trends.Series(one.node(), one.total(), one.counts(),
                    forecast(one, from, query.forecastDays())));
        }
        return trends.withSeries(series);
    }

    private List<Trends.Forecast> forecast(Trends.Series series, LocalDate from, int days) {
        double[] counts = series.counts().stream().mapToDouble(Long::doubleValue).toArray();
        return forecaster.forecast(new DailySeries(series.node(), from, counts), days, ALPHA).stream()
                .map(f -> new Trends.Forecast(f.date().toString(), Math.round(f.expected() * 100) / 100.0,
                        (long) f.lower(), (long) f.upper()))
                .toList();
    }
}
