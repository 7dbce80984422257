package org.hotline.models.classifier;

import java.util.Arrays;

/**
 * A record's feature ids as a sorted bag: distinct ids ascending with their counts. Built once per record and shared
 * by every model part, so each touches each table row once and in address order (kinder to the cache than
 * text order on tables of tens of megabytes).
 */
public record FeatureCounts(int[] ids, int[] counts, int total) {
    private static final int DIGIT_BITS = 8;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;

    public static FeatureCounts of(int[] features) {
        int[] sorted = sortedCopy(features);
        int[] ids = new int[sorted.length];
        int[] counts = new int[sorted.length];
        int n = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i + 1;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            ids[n] = sorted[i];
            counts[n] = j - i;
            n++;
            i = j;
        }
        return new FeatureCounts(Arrays.copyOf(ids, n), Arrays.copyOf(counts, n), features.length);
    }

    /**
     * Ids are bucket numbers below 2^16 by default, so an LSD radix sort needs two linear passes; it costs a
     * fraction of a comparison sort on the hot path. Negative values (never bucket numbers) take Arrays.sort.
     */
    static int[] sortedCopy(int[] values) {
        int[] sorted = values.clone();
        int bits = 0;
        for (int v : values) {
            bits |= v;
        }
        if (bits < 0) {
            Arrays.sort(sorted);
            return sorted;
        }
        int[] buffer = new int[values.length];
        int[] digitStart = new int[DIGIT_MASK + 2];
        for (int shift = 0; shift < Integer.SIZE && (bits >>> shift) != 0; shift += DIGIT_BITS) {
            radixPass(sorted, buffer, shift, digitStart);
            int[] swap = sorted;
            sorted = buffer;
            buffer = swap;
        }
        return sorted;
    }

    /** Stable counting sort of {@code from} into {@code to} by the digit at {@code shift}. */
    private static void radixPass(int[] from, int[] to, int shift, int[] digitStart) {
        Arrays.fill(digitStart, 0);
        for (int v : from) {
            digitStart[((v >>> shift) & DIGIT_MASK) + 1]++;
        }
        for (int d = 1; d < digitStart.length; d++) {
            digitStart[d] += digitStart[d - 1];
        }
        for (int v : from) {
            to[digitStart[(v >>> shift) & DIGIT_MASK]++] = v;
        }
    }
}
