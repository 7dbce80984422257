package org.hotline.alerts.series;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * Counts for consecutive calendar days: {@code counts[i]} is the count on {@code start + i days}.
 * The key names the series (e.g. "城乡建设/物业管理|A3区"); it is not interpreted here.
 */
public record DailySeries(String key, LocalDate start, double[] counts) {

    public DailySeries {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(counts, "counts");
        counts = counts.clone();
    }

    public static DailySeries of(String key, LocalDate start, double... counts) {
        return new DailySeries(key, start, counts);
    }

    public int size() {
        return counts.length;
    }

    public double count(int day) {
        return counts[day];
    }

    public LocalDate date(int day) {
        return start.plusDays(day);
    }

    /** Index of a date, which may be outside [0, size). */
    public int indexOf(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(start, date);
    }

    /** A copy of the counts (the record keeps its own array private to stay immutable). */
    public double[] countsCopy() {
        return counts.clone();
    }

    /** The first {@code days} days; what a detector may see when deciding on day {@code days - 1}. */
    public DailySeries prefix(int days) {
        return new DailySeries(key, start, Arrays.copyOf(counts, days));
    }

    /** The same series with one more day appended: the streaming update. */
    public DailySeries append(double count) {
        double[] next = Arrays.copyOf(counts, counts.length + 1);
        next[counts.length] = count;
        return new DailySeries(key, start, next);
    }

    /** Keeps only the last {@code days} days, so that streaming state stays bounded. */
    public DailySeries tail(int days) {
        if (days >= counts.length) {
            return this;
        }
        int from = counts.length - days;
        return new DailySeries(key, start.plusDays(from), Arrays.copyOfRange(counts, from, counts.length));
    }

    /** Direct read access for detectors in this module; callers must not modify the array. */
    public double[] countsView() {
        return counts;
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailySeries other && key.equals(other.key) && start.equals(other.start)
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, start, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "DailySeries[" + key + ", " + start + ", " + counts.length + " days]";
    }
}
