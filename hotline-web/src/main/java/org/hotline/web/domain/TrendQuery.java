package org.hotline.web.domain;

import java.time.LocalDate;

/**
 * Daily counts per taxonomy node.
 *
 * @param level        taxonomy level to count at (1–3)
 * @param days         number of days, ending on {@code to}
 * @param to           last day, or null for the day of the newest record
 * @param district     only this district, or null for the whole city
 * @param top          at most this many nodes, the busiest
 * @param forecastDays days after {@code to} to forecast for each node, 0 for none
 */
public record TrendQuery(int level, int days, LocalDate to, String district, int top, int forecastDays) {}
