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

    public record Series(String node, long total, List<Long> counts) {}

    public Trends withOpenAlerts(long count) {
        return new Trends(level, from, to, district, dates, series, total, count);
    }
}
