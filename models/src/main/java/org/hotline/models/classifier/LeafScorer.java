package org.hotline.models.classifier;

import java.util.List;

/**
 * Scores taxonomy leaves against a record by the cosine of the record's TF-IDF vector with a sparse leaf
 * prototype (see {@link LeafPrototypes}), then turns the scores under each level-1 class into a distribution.
 * Prototypes are stored as an inverted index (feature id → leaves) so a record only touches leaves that share a
 * feature with it; at load the index is also split by level-1 class, so scoring one class's leaves touches only
 * their postings. Immutable, thread-safe.
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
    /** per level-1 class: its leaves ascending, and the inverted index of their prototypes alone */
    private final RootIndex[] rootIndexes;

    LeafScorer(List<List<String>> leafPaths, int[] leafRoot, int roots, double sharpness, int[] start,
               int[] postingLeaf, float[] postingWeight) {
        this.leafPaths = List.copyOf(leafPaths);
        this.leafRoot = leafRoot;
        this.roots = roots;
        this.sharpness = sharpness;
        this.start = start;
        this.postingLeaf = postingLeaf;
        this.postingWeight = postingWeight;
        this.rootIndexes = new RootIndex[roots];
        for (int root = 0; root < roots; root++) {
            rootIndexes[root] = RootIndex.of(root, leafRoot, start, postingLeaf, postingWeight);
        }
    }

    /**
     * @param leaves        the class's leaves, ascending
     * @param start         postings of feature id f are [start[f], start[f + 1])
     * @param postingLeaf   position of the leaf in {@code leaves}
     */
    private record RootIndex(int[] leaves, int[] start, int[] postingLeaf, float[] postingWeight) {
        /** The postings of {@code root}'s leaves, in the order the whole index has them. */
        static RootIndex of(int root, int[] leafRoot, int[] start, int[] postingLeaf, float[] postingWeight) {
            int[] position = new int[leafRoot.length];
            int count = 0;
            for (int leaf = 0; leaf < leafRoot.length; leaf++) {
                position[leaf] = leafRoot[leaf] == root ? count++ : -1;
            }
            int[] leaves = new int[count];
            for (int leaf = 0; leaf < leafRoot.length; leaf++) {
                if (position[leaf] >= 0) {
                    leaves[position[leaf]] = leaf;
                }
            }
            int features = start.length - 1;
            int[] rootStart = new int[features + 1];
            int kept = 0;
            for (int f = 0; f < features; f++) {
                rootStart[f] = kept;
                for (int p = start[f]; p < start[f + 1]; p++) {
                    kept += position[postingLeaf[p]] >= 0 ? 1 : 0;
                }
            }
            rootStart[features] = kept;
            int[] rootLeaf = new int[kept];
            float[] rootWeight = new float[kept];
            int slot = 0;
            for (int p = 0; p < start[features]; p++) {
                if (position[postingLeaf[p]] >= 0) {
                    rootLeaf[slot] = position[postingLeaf[p]];
                    rootWeight[slot] = postingWeight[p];
                    slot++;
                }
            }
            return new RootIndex(leaves, rootStart, rootLeaf, rootWeight);
        }
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

    /** The leaves under level-1 class {@code root}, ascending; {@link #conditional} scores them in this order. */
    int[] leavesOf(int root) {
        return rootIndexes[root].leaves();
    }

    /** Cosine similarity of the record with the prototype of each leaf of {@code root}. */
    private double[] similarities(SparseVector record, RootIndex index) {
        double[] scores = new double[index.leaves().length];
        int[] ids = record.ids();
        float[] values = record.values();
        int[] rootStart = index.start();
        int[] leaf = index.postingLeaf();
        float[] weight = index.postingWeight();
        for (int k = 0; k < ids.length; k++) {
            int f = ids[k];
            for (int p = rootStart[f]; p < rootStart[f + 1]; p++) {
                scores[leaf[p]] += values[k] * weight[p];
            }
        }
        return scores;
    }

    /**
     * P(leaf | root, record) for the leaves of level-1 class {@code root} ({@link #leavesOf} order): a softmax of
     * sharpness × similarity among them.
     */
    public double[] conditional(SparseVector record, int root) {
        double[] similarity = similarities(record, rootIndexes[root]);
        double max = Double.NEGATIVE_INFINITY;
        for (double s : similarity) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] out = new double[similarity.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(sharpness * (similarity[i] - max));
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
