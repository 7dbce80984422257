package org.hotline.models.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * Sublinear TF-IDF over hashed feature ids, L2-normalized: the input of the linear model and of leaf matching.
 * Immutable after {@link #fit}.
 */
public final class TfIdf {
    private final float[] idf;

    public TfIdf(float[] idf) {
        this.idf = idf;
    }

    /** Smoothed idf = ln((1 + n) / (1 + df)) + 1, the usual form, so unseen buckets still count a little. */
    public static TfIdf fit(List<int[]> documents, int buckets) {
        int[] documentFrequency = new int[buckets];
        for (int[] features : documents) {
            int[] distinct = Arrays.stream(features).distinct().toArray();
            for (int id : distinct) {
                documentFrequency[id]++;
            }
        }
        float[] idf = new float[buckets];
        double n = documents.size();
        for (int id = 0; id < buckets; id++) {
            idf[id] = (float) (Math.log((1 + n) / (1 + documentFrequency[id])) + 1);
        }
        return new TfIdf(idf);
    }

    public float[] idf() {
        return idf;
    }

    public SparseVector vector(int[] features) {
        int[] sorted = features.clone();
        Arrays.sort(sorted);
        int[] ids = new int[sorted.length];
        float[] values = new float[sorted.length];
        int n = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            ids[n] = sorted[i];
            values[n] = (float) ((1 + Math.log(j - i)) * idf[sorted[i]]);
            n++;
            i = j;
        }
        double norm = 0;
        for (int k = 0; k < n; k++) {
            norm += values[k] * values[k];
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < n; k++) {
            values[k] *= scale;
        }
        return new SparseVector(Arrays.copyOf(ids, n), Arrays.copyOf(values, n));
    }
}
