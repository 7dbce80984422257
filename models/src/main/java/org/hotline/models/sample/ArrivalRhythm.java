package org.hotline.models.sample;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * When demands arrive: an hourly intensity with a working-day peak (9–11 h and 14–17 h), a quiet night and
 * quieter weekends. Maps a quantile in [0, 1) to a time, so that evenly spread quantiles give arrival times in
 * order that follow the rhythm.
 */
final class ArrivalRhythm {
    private static final double[] HOUR_WEIGHTS = {
            0.15, 0.08, 0.05, 0.04, 0.05, 0.10, 0.30, 0.70, 1.30, 1.90, 2.00, 1.80,
            1.20, 1.10, 1.60, 1.80, 1.70, 1.50, 1.10, 1.00, 1.00, 0.90, 0.60, 0.30};
    private static final double WEEKEND_FACTOR = 0.68;
    private static final double MONDAY_FACTOR = 1.15;

    private final OffsetDateTime start;
    private final double[] cumulative;

    /** @param start the first hour (truncated to the hour); @param end exclusive, at least one hour after start */
    ArrivalRhythm(OffsetDateTime start, OffsetDateTime end) {
        this.start = start.truncatedTo(ChronoUnit.HOURS);
        long hours = Duration.between(this.start, end).toHours();
        if (hours < 1) {
            throw new IllegalArgumentException("arrival window must span at least one hour: " + start + " .. " + end);
        }
        cumulative = new double[(int) hours + 1];
        for (int h = 0; h < hours; h++) {
            cumulative[h + 1] = cumulative[h] + intensity(this.start.plusHours(h));
        }
    }

    static double intensity(OffsetDateTime hour) {
        DayOfWeek day = hour.getDayOfWeek();
        double dayFactor = switch (day) {
            case SATURDAY, SUNDAY -> WEEKEND_FACTOR;
            case MONDAY -> MONDAY_FACTOR;
            default -> 1.0;
        };
        return HOUR_WEIGHTS[hour.getHour()] * dayFactor;
    }

    /** The time below which a share {@code quantile} of the window's demands arrive. */
    OffsetDateTime at(double quantile) {
        double target = Math.max(0, Math.min(quantile, Math.nextDown(1.0))) * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        int hour = index >= 0 ? Math.min(index, cumulative.length - 2) : -index - 2;
        double withinHour = (target - cumulative[hour]) / (cumulative[hour + 1] - cumulative[hour]);
        long seconds = (long) (withinHour * 3600);
        return start.plusHours(hour).plusSeconds(Math.min(seconds, 3599));
    }
}
