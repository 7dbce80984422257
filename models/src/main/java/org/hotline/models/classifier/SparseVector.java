package org.hotline.models.classifier;

/** Feature ids (ascending, distinct) with their weights. */
public record SparseVector(int[] ids, float[] values) {
    public SparseVector {
        if (ids.length != values.length) {
            throw new IllegalArgumentException("ids and values differ in length");
        }
    }
}
