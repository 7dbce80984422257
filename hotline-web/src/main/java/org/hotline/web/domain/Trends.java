package org.hotline.web.domain;

import java.util.List;

/**
 * Daily counts per node over consecutive days, busiest node first.
 *
 * @param dates      the days, oldest first ({@code yyyy-MM-dd} in the city's zone)
 * @param series     one count per day for each node
 * @param openAlerts alerts still open (not acknowledged nor resolved), whatever their day
 */
public record Trends(int level, String from, String to, String district, List<String> dates, List<Series> series,
                     long total, long openAlerts) {

    /** @param forecast the days after {@code to}, empty when none was asked for */
    public record Series(String node, long total, List<Long> counts, List<Forecast> forecast) {

        /** The counts alone, as a {@link TrendSource} reads them. */
        public Series(String node, long total, List<Long> counts) {
            this(node, total, counts, List.of());
        }
    }

    /** One day ahead: the expected count and its 90% prediction interval {@code [lower, upper]}. */
    public record Forecast(String date, double expected, long lower, long upper) {}

    public Trends withOpenAlerts(long count) {
        return new Trends(level, from, to, district, dates, series, total, count);
    }

    public Trends withSeries(List<Series> replaced) {
        return new Trends(level, from, to, district, dates, replaced, total, openAlerts);
    }
}
