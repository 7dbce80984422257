package org.hotline.models.classifier;

/** Feature ids (ascending, distinct) with their weights. */
public record SparseVector(int[] ids, float[] values) {
    public SparseVector {
        if (ids.length != values.length) {
            throw new IllegalArgumentException("ids and values differ in length");
        }
    }

    public double dot(float[] dense, int offset) {
        double sum = 0;
        for (int i = 0; i < ids.length; i++) {
            sum += values[i] * dense[offset + ids[i]];
        }
        return sum;
    }
}
