package org.hotline.models.classifier;

/**
 * The level-1 models of the hot path folded into one feature-major table. The embedding bag's logits are linear
 * in the averaged embedding, b + Wᵀ·(Σ count·e_f) / total, so each bucket's embedding row is pushed through the
 * output layer once at load time: table row f holds Wᵀe_f (one value per class, padded), then the linear SVM's
 * weights for f. A record then costs one table row per distinct feature and 2 × classes multiply-adds, instead of
 * a 32-wide embedding row, a 32 × classes product and a separate SVM row. It gives {@link EmbeddingBag#logits} and
 * {@link LinearSvm#decision} to float rounding (see the test); training keeps using those. Immutable, thread-safe.
 */
final class RootLogits {
    /**
     * Features summed in float before adding into the double totals: float lanes vectorize (about 1.6× faster
     * here) and a block this short keeps the rounding near 1e-8 of a logit, where 1,000 float terms would not.
     */
    private static final int BLOCK = 16;
    /** Classes rounded up to whole SIMD lanes; the padding columns hold zeros. */
    private static final int LANE_MULTIPLE = 8;
    private final int classes;
    private final int lanes;
    /** lanes, or 2 × lanes when the table also holds the SVM's weights */
    private final int stride;
    /** row-major [buckets][stride] */
    private final float[] table;
    private final double[] bagBias;
    /** null without a linear model */
    private final double[] svmBias;

    private RootLogits(int classes, int lanes, int stride, float[] table, double[] bagBias, double[] svmBias) {
        this.classes = classes;
        this.lanes = lanes;
        this.stride = stride;
        this.table = table;
        this.bagBias = bagBias;
        this.svmBias = svmBias;
    }

    /** @param svm null when the ensemble does not use the linear model */
    static RootLogits of(EmbeddingBag bag, LinearSvm svm) {
        int classes = bag.classes();
        int lanes = (classes + LANE_MULTIPLE - 1) / LANE_MULTIPLE * LANE_MULTIPLE;
        int stride = svm == null ? lanes : 2 * lanes;
        float[] table = new float[bag.buckets() * stride];
        for (int f = 0; f < bag.buckets(); f++) {
            projectEmbedding(bag, f, table, f * stride);
        }
        double[] svmBias = null;
        if (svm != null) {
            float[] weights = svm.weights();
            for (int f = 0; f < bag.buckets(); f++) {
                System.arraycopy(weights, f * classes, table, f * stride + lanes, classes);
            }
            svmBias = new double[classes];
            for (int c = 0; c < classes; c++) {
                svmBias[c] = weights[svm.dimension() * classes + c];
            }
        }
        double[] bagBias = new double[classes];
        for (int c = 0; c < classes; c++) {
            bagBias[c] = bag.outputBias()[c];
        }
        return new RootLogits(classes, lanes, stride, table, bagBias, svmBias);
    }

    /** Wᵀe_f in double, rounded once to float. */
    private static void projectEmbedding(EmbeddingBag bag, int f, float[] table, int offset) {
        int dimension = bag.dimension();
        int classes = bag.classes();
        float[] embeddings = bag.embeddings();
        float[] weights = bag.outputWeights();
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            for (int d = 0; d < dimension; d++) {
                sum += (double) embeddings[f * dimension + d] * weights[d * classes + c];
            }
            table[offset + c] = (float) sum;
        }
    }

    boolean hasLinearModel() {
        return svmBias != null;
    }

    /**
     * The embedding bag's logits into {@code bagLogits} and, with a linear model, its decision values into
     * {@code decision}, in one pass over the record's features.
     *
     * @param vector the TF-IDF vector of {@code bag} (same ids in the same order)
     */
    void score(FeatureCounts bag, SparseVector vector, double[] bagLogits, double[] decision) {
        int[] ids = bag.ids();
        int[] counts = bag.counts();
        float[] values = vector.values();
        double[] bagSum = new double[lanes];
        double[] svmSum = new double[lanes];
        float[] bagBlock = new float[lanes];
        float[] svmBlock = new float[lanes];
        for (int start = 0; start < ids.length; start += BLOCK) {
            int end = Math.min(ids.length, start + BLOCK);
            for (int k = start; k < end; k++) {
                int row = ids[k] * stride;
                float count = counts[k];
                for (int c = 0; c < lanes; c++) {
                    bagBlock[c] += count * table[row + c];
                }
                if (svmBias != null) {
                    float value = values[k];
                    for (int c = 0; c < lanes; c++) {
                        svmBlock[c] += value * table[row + lanes + c];
                    }
                }
            }
            flush(bagBlock, bagSum);
            flush(svmBlock, svmSum);
        }
        double scale = 1.0 / Math.max(1, bag.total());
        for (int c = 0; c < classes; c++) {
            bagLogits[c] = bagBias[c] + bagSum[c] * scale;
            if (svmBias != null) {
                decision[c] = svmSum[c] + svmBias[c];
            }
        }
    }

    private static void flush(float[] block, double[] sum) {
        for (int c = 0; c < block.length; c++) {
            sum[c] += block[c];
            block[c] = 0;
        }
    }
}
