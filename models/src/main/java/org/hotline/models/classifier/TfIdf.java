package org.hotline.models.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * Sublinear TF-IDF over hashed feature ids, L2-normalized: the input of the linear model and of leaf matching.
 * Immutable after {@link #fit}.
 */
public final class TfIdf {
    /** 1 + ln(count) for the counts almost every feature has, so the hot path rarely calls Math.log. */
    private static final double[] SUBLINEAR_TF = sublinearTable(64);
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
        return vector(FeatureCounts.of(features));
    }

    public SparseVector vector(FeatureCounts bag) {
        int[] ids = bag.ids();
        int[] counts = bag.counts();
        float[] values = new float[ids.length];
        double norm = 0;
        for (int k = 0; k < ids.length; k++) {
            int count = counts[k];
            double tf = count < SUBLINEAR_TF.length ? SUBLINEAR_TF[count] : 1 + Math.log(count);
            float value = (float) (tf * idf[ids[k]]);
            values[k] = value;
            norm += value * value;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < values.length; k++) {
            values[k] *= scale;
        }
        return new SparseVector(ids, values);
    }

    private static double[] sublinearTable(int size) {
        double[] table = new double[size];
        for (int count = 1; count < size; count++) {
            table[count] = 1 + Math.log(count);
        }
        return table;
    }
}
