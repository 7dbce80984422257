package org.hotline.alerts.job.functions;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import org.hotline.alerts.series.DailySeries;

/**
 * The closed days of one series in compact form: the first day and one count per day, stored as unsigned varints
 * (a count below 128 takes one byte), so {@code SeriesAlerter.HISTORY_DAYS} days take about 800 bytes.
 */
public record DailyHistory(long startEpochDay, int[] counts) {

    public DailyHistory {
        counts = counts.clone();
    }

    public static DailyHistory empty() {
        return new DailyHistory(0, new int[0]);
    }

    public boolean isEmpty() {
        return counts.length == 0;
    }

    public int size() {
        return counts.length;
    }

    /** The last closed day, or null when empty. */
    public LocalDate lastDay() {
        return isEmpty() ? null : LocalDate.ofEpochDay(startEpochDay + counts.length - 1);
    }

    /**
     * Closes {@code day} with {@code count}: days between the last closed day and {@code day} had no records
     * (count 0); keeps the last {@code maxDays} days.
     *
     * @throws IllegalArgumentException when {@code day} is not after the last closed day
     */
    public DailyHistory close(LocalDate day, int count, int maxDays) {
        long epochDay = day.toEpochDay();
        if (isEmpty()) {
            return new DailyHistory(epochDay, new int[] {count});
        }
        long last = startEpochDay + counts.length - 1;
        if (epochDay <= last) {
            throw new IllegalArgumentException("day " + day + " is already closed (last closed day " + lastDay() + ")");
        }
        int length = (int) (epochDay - startEpochDay + 1);
        long start = startEpochDay;
        int[] next;
        if (length <= maxDays) {
            next = Arrays.copyOf(counts, length);
        } else {
            int drop = length - maxDays;
            next = new int[maxDays];
            if (drop < counts.length) {
                System.arraycopy(counts, drop, next, 0, counts.length - drop);
            }
            start += drop;
        }
        next[next.length - 1] = count;
        return new DailyHistory(start, next);
    }

    /** Adds a late record's count to an already closed day it still holds; otherwise returns itself. */
    public DailyHistory addLate(LocalDate day, int count) {
        long index = day.toEpochDay() - startEpochDay;
        if (index < 0 || index >= counts.length) {
            return this;
        }
        int[] next = counts.clone();
        next[(int) index] += count;
        return new DailyHistory(startEpochDay, next);
    }

    /** The history as the detectors read it. */
    public DailySeries toSeries(String key) {
        double[] values = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            values[i] = counts[i];
        }
        return new DailySeries(key, LocalDate.ofEpochDay(startEpochDay), values);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(counts.length + 8);
        writeVarLong(out, zigZag(startEpochDay));
        writeVarLong(out, counts.length);
        for (int count : counts) {
            writeVarLong(out, count);
        }
        return out.toByteArray();
    }

    public static DailyHistory decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return empty();
        }
        int[] position = {0};
        long start = unZigZag(readVarLong(bytes, position));
        int length = (int) readVarLong(bytes, position);
        int[] counts = new int[length];
        for (int i = 0; i < length; i++) {
            counts[i] = (int) readVarLong(bytes, position);
        }
        return new DailyHistory(start, counts);
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarLong(byte[] bytes, int[] position) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[position[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyHistory other && other.startEpochDay == startEpochDay
                && Arrays.equals(other.counts, counts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(startEpochDay) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public String toString() {
        return "DailyHistory[from " + LocalDate.ofEpochDay(startEpochDay) + ", " + counts.length + " days]";
    }
}
