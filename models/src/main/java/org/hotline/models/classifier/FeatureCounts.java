package org.hotline.models.classifier;

import java.util.Arrays;

/**
 * A record's feature ids as a sorted bag: distinct ids ascending with their counts. Built once per record and shared
 * by every model part, so each touches each table row once and in address order (kinder to the cache than
 * text order on tables of tens of megabytes).
 */
public record FeatureCounts(int[] ids, int[] counts, int total) {
    public static FeatureCounts of(int[] features) {
        int[] sorted = features.clone();
        Arrays.sort(sorted);
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
}
