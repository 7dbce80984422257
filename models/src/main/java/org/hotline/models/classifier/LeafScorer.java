package org.hotline.models.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * Scores every taxonomy leaf against a record by the cosine of the record's TF-IDF vector with a sparse leaf
 * prototype (see {@link LeafPrototypes}), then turns the scores under each level-1 class into a distribution.
 * Prototypes are stored as an inverted index (feature id → leaves) so a record only touches leaves that share a
 * feature with it. Immutable, thread-safe.
 */
public final class LeafScorer {
    private final List<List<String>> leafPaths;
    private final int[] leafRoot;
    private final int roots;
    private final double sharpness;
    /** postings of feature id f are [start[f], start[f + 1]) in postingLeaf / postingWeight */
    private final int[] start;
    private final int[] postingLeaf;
    private final float[] postingWeight;

    LeafScorer(List<List<String>> leafPaths, int[] leafRoot, int roots, double sharpness, int[] start,
               int[] postingLeaf, float[] postingWeight) {
        this.leafPaths = List.copyOf(leafPaths);
        this.leafRoot = leafRoot;
        this.roots = roots;
        this.sharpness = sharpness;
        this.start = start;
        this.postingLeaf = postingLeaf;
        this.postingWeight = postingWeight;
    }

    /** Builds the inverted index from one sparse prototype per leaf. */
    public static LeafScorer fromPrototypes(List<List<String>> leafPaths, int[] leafRoot, int roots,
                                            double sharpness, List<SparseVector> prototypes, int buckets) {
        int[] counts = new int[buckets + 1];
        for (SparseVector prototype : prototypes) {
            for (int id : prototype.ids()) {
                counts[id + 1]++;
            }
        }
        for (int f = 0; f < buckets; f++) {
            counts[f + 1] += counts[f];
        }
        int[] next = counts.clone();
        int[] leaves = new int[counts[buckets]];
        float[] weights = new float[counts[buckets]];
        for (int leaf = 0; leaf < prototypes.size(); leaf++) {
            SparseVector prototype = prototypes.get(leaf);
            for (int k = 0; k < prototype.ids().length; k++) {
                int slot = next[prototype.ids()[k]]++;
                leaves[slot] = leaf;
                weights[slot] = prototype.values()[k];
            }
        }
        return new LeafScorer(leafPaths, leafRoot, roots, sharpness, counts, leaves, weights);
    }

    public List<List<String>> leafPaths() {
        return leafPaths;
    }

    int[] leafRoot() {
        return leafRoot;
    }

    int roots() {
        return roots;
    }

    double sharpness() {
        return sharpness;
    }

    int[] start() {
        return start;
    }

    int[] postingLeaf() {
        return postingLeaf;
    }

    float[] postingWeight() {
        return postingWeight;
    }

    /** Cosine similarity of the record with each leaf prototype. */
    public double[] similarities(SparseVector record) {
        double[] scores = new double[leafPaths.size()];
        int[] ids = record.ids();
        float[] values = record.values();
        for (int k = 0; k < ids.length; k++) {
            int f = ids[k];
            for (int p = start[f]; p < start[f + 1]; p++) {
                scores[postingLeaf[p]] += values[k] * postingWeight[p];
            }
        }
        return scores;
    }

    /** P(leaf | its level-1 class, record): a softmax of sharpness × similarity among each class's leaves. */
    public double[] conditional(SparseVector record) {
        double[] similarity = similarities(record);
        double[] max = new double[roots];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int leaf = 0; leaf < similarity.length; leaf++) {
            max[leafRoot[leaf]] = Math.max(max[leafRoot[leaf]], similarity[leaf]);
        }
        double[] sum = new double[roots];
        double[] out = new double[similarity.length];
        for (int leaf = 0; leaf < similarity.length; leaf++) {
            out[leaf] = Math.exp(sharpness * (similarity[leaf] - max[leafRoot[leaf]]));
            sum[leafRoot[leaf]] += out[leaf];
        }
        for (int leaf = 0; leaf < out.length; leaf++) {
            out[leaf] /= sum[leafRoot[leaf]];
        }
        return out;
    }
}
