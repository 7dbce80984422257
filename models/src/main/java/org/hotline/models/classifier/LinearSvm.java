package org.hotline.models.classifier;

import java.util.List;
import java.util.Random;

/**
 * One-vs-rest linear SVM (L2-regularized, squared hinge loss) trained by dual coordinate descent, as LIBLINEAR
 * does. It is the TF-IDF + linear baseline and the linear half of the ensemble. Immutable once trained.
 */
public final class LinearSvm {
    private final int classes;
    private final int dimension;
    /**
     * feature-major [dimension + 1][classes]; the last row is the bias. One cache line then holds a feature's
     * weights for every class, so scoring costs one memory fetch per feature, not one per feature and class.
     */
    private final float[] weights;

    public LinearSvm(int classes, int dimension, float[] weights) {
        if (weights.length != classes * (dimension + 1)) {
            throw new IllegalArgumentException("weights do not match " + (dimension + 1) + " × " + classes);
        }
        this.classes = classes;
        this.dimension = dimension;
        this.weights = weights;
    }

    /**
     * @param c      the cost of a margin violation (larger = less regularization)
     * @param passes passes over the data per class
     */
    public static LinearSvm train(List<SparseVector> inputs, int[] labels, int classes, int dimension, double c,
                                  int passes, long seed) {
        float[] weights = new float[classes * (dimension + 1)];
        double[] squaredNorms = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            double norm = 1; // the bias feature
            for (float v : inputs.get(i).values()) {
                norm += v * v;
            }
            squaredNorms[i] = norm;
        }
        for (int k = 0; k < classes; k++) {
            trainOneClass(inputs, labels, k, classes, dimension, c, passes, new Random(seed + k), squaredNorms,
                    weights);
        }
        return new LinearSvm(classes, dimension, weights);
    }

    private static void trainOneClass(List<SparseVector> inputs, int[] labels, int positive, int classes,
                                      int dimension, double c, int passes, Random random, double[] squaredNorms,
                                      float[] w) {
        int bias = dimension * classes + positive;
        int n = inputs.size();
        double[] alpha = new double[n];
        double diagonal = 0.5 / c;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int pass = 0; pass < passes; pass++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int i : order) {
                SparseVector x = inputs.get(i);
                double y = labels[i] == positive ? 1 : -1;
                double margin = y * (dot(x, w, classes, positive) + w[bias]);
                double gradient = margin - 1 + diagonal * alpha[i];
                double newAlpha = Math.max(0, alpha[i] - gradient / (squaredNorms[i] + diagonal));
                double step = (newAlpha - alpha[i]) * y;
                if (step != 0) {
                    alpha[i] = newAlpha;
                    int[] ids = x.ids();
                    float[] values = x.values();
                    for (int t = 0; t < ids.length; t++) {
                        w[ids[t] * classes + positive] += (float) (step * values[t]);
                    }
                    w[bias] += (float) step;
                }
            }
        }
    }

    public int classes() {
        return classes;
    }

    public int dimension() {
        return dimension;
    }

    float[] weights() {
        return weights;
    }

    private static double dot(SparseVector x, float[] w, int classes, int k) {
        double sum = 0;
        int[] ids = x.ids();
        float[] values = x.values();
        for (int t = 0; t < ids.length; t++) {
            sum += values[t] * w[ids[t] * classes + k];
        }
        return sum;
    }

    /** Signed distance to each class's hyperplane. */
    public double[] decision(SparseVector x) {
        double[] scores = new double[classes];
        int[] ids = x.ids();
        float[] values = x.values();
        for (int t = 0; t < ids.length; t++) {
            int row = ids[t] * classes;
            double v = values[t];
            for (int k = 0; k < classes; k++) {
                scores[k] += v * weights[row + k];
            }
        }
        int bias = dimension * classes;
        for (int k = 0; k < classes; k++) {
            scores[k] += weights[bias + k];
        }
        return scores;
    }
}
