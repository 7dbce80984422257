package org.hotline.models.classifier;

/**
 * The level-1 models of the hot path folded into one feature-major table. The embedding bag's logits are linear in
 * the averaged embedding, b + Wᵀ·(Σ count·e_f) / total, so each bucket's embedding row is pushed through the output
 * layer once at load time: table row f holds Wᵀe_f (one value per class), then the linear SVM's weights for f.
 * A record then costs one table row per distinct feature and 2 × classes multiply-adds, instead of a 32-wide
 * embedding row, a 32 × classes product and a separate SVM row. It gives {@link EmbeddingBag#logits} and
 * {@link LinearSvm#decision} to float rounding (see the test); training keeps using those. Immutable, thread-safe.
 */
final class RootLogits {
    private final int classes;
    /** classes, or 2 × classes when the table also holds the SVM's weights */
    private final int stride;
    /** row-major [buckets][stride] */
    private final float[] table;
    private final double[] bagBias;
    /** null without a linear model */
    private final double[] svmBias;

    private RootLogits(int classes, int stride, float[] table, double[] bagBias, double[] svmBias) {
        this.classes = classes;
        this.stride = stride;
        this.table = table;
        this.bagBias = bagBias;
        this.svmBias = svmBias;
    }

    /** @param svm null when the ensemble does not use the linear model */
    static RootLogits of(EmbeddingBag bag, LinearSvm svm) {
        int classes = bag.classes();
        int stride = svm == null ? classes : 2 * classes;
        float[] table = new float[bag.buckets() * stride];
        for (int f = 0; f < bag.buckets(); f++) {
            projectEmbedding(bag, f, table, f * stride);
        }
        double[] svmBias = null;
        if (svm != null) {
            float[] weights = svm.weights();
            for (int f = 0; f < bag.buckets(); f++) {
                System.arraycopy(weights, f * classes, table, f * stride + classes, classes);
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
        return new RootLogits(classes, stride, table, bagBias, svmBias);
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
        double[] bagSum = new double[classes];
        double[] svmSum = new double[classes];
        for (int k = 0; k < ids.length; k++) {
            int row = ids[k] * stride;
            double count = counts[k];
            for (int c = 0; c < classes; c++) {
                bagSum[c] += count * table[row + c];
            }
            if (svmBias != null) {
                double value = values[k];
                for (int c = 0; c < classes; c++) {
                    svmSum[c] += value * table[row + classes + c];
                }
            }
        }
        double scale = 1.0 / Math.max(1, bag.total());
        for (int c = 0; c < classes; c++) {
            bagLogits[c] = bagBias[c] + bagSum[c] * scale;
            if (svmBias != null) {
                decision[c] = svmSum[c] + svmBias[c];
            }
        }
    }
}
