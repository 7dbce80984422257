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
        return train(inputs, labels, classes, dimension, c, passes, seed, null, null);
    }

    /**
     * Trains class k's one-vs-rest SVM on inputs whose feature f is multiplied by {@code scaling[f × classes + k]}
     * (NB-SVM's log-count ratios, see {@link #logCountRatios}), then folds the scaling into the weights, so
     * {@link #decision} takes the unscaled inputs and costs the same as without scaling.
     *
     * @param scaling      feature-major [dimension][classes], or null for none
     * @param classWeights per class, a factor on the cost C of its records' margin violations (in every
     *                     one-vs-rest problem), or null for 1
     */
    public static LinearSvm train(List<SparseVector> inputs, int[] labels, int classes, int dimension, double c,
                                  int passes, long seed, float[] scaling, double[] classWeights) {
        if (scaling != null && scaling.length != classes * dimension) {
            throw new IllegalArgumentException("scaling does not match " + dimension + " × " + classes);
        }
        float[] weights = new float[classes * (dimension + 1)];
        double[] squaredNorms = new double[inputs.size()];
        for (int k = 0; k < classes; k++) {
            if (k == 0 || scaling != null) {
                for (int i = 0; i < inputs.size(); i++) {
                    squaredNorms[i] = squaredNorm(inputs.get(i), scaling, classes, k);
                }
            }
            trainOneClass(inputs, labels, k, classes, dimension, c, passes, new Random(seed + k), squaredNorms,
                    scaling, classWeights, weights);
        }
        if (scaling != null) {
            for (int i = 0; i < scaling.length; i++) {
                weights[i] *= scaling[i];
            }
        }
        return new LinearSvm(classes, dimension, weights);
    }

    /** n / (classes present × n_k) per class: every class present weighs as much in total; absent ones get 0. */
    public static double[] balancedClassWeights(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int present = 0;
        for (int count : counts) {
            present += count > 0 ? 1 : 0;
        }
        double[] weights = new double[classes];
        for (int k = 0; k < classes; k++) {
            weights[k] = counts[k] == 0 ? 0 : labels.length / ((double) present * counts[k]);
        }
        return weights;
    }

    /**
     * Naive-Bayes log-count ratios per feature and class (Wang and Manning 2012, one class against the rest):
     * r = ln((α + p_f) / ‖α + p‖₁) − ln((α + q_f) / ‖α + q‖₁), where p_f (q_f) counts the records of the class
     * (of the other classes) that contain feature f.
     *
     * @return feature-major [dimension][classes]
     */
    public static float[] logCountRatios(List<SparseVector> inputs, int[] labels, int classes, int dimension,
                                         double alpha) {
        double[] present = new double[dimension * classes];
        double[] perFeature = new double[dimension];
        double[] perClass = new double[classes];
        for (int i = 0; i < inputs.size(); i++) {
            int label = labels[i];
            for (int id : inputs.get(i).ids()) {
                present[id * classes + label]++;
                perFeature[id]++;
                perClass[label]++;
            }
        }
        double all = 0;
        for (double n : perClass) {
            all += n;
        }
        float[] ratios = new float[dimension * classes];
        for (int f = 0; f < dimension; f++) {
            for (int k = 0; k < classes; k++) {
                double in = present[f * classes + k];
                double positive = (alpha + in) / (alpha * dimension + perClass[k]);
                double negative = (alpha + perFeature[f] - in) / (alpha * dimension + all - perClass[k]);
                ratios[f * classes + k] = (float) Math.log(positive / negative);
            }
        }
        return ratios;
    }

    private static double squaredNorm(SparseVector x, float[] scaling, int classes, int k) {
        double norm = 1; // the bias feature
        int[] ids = x.ids();
        float[] values = x.values();
        for (int t = 0; t < ids.length; t++) {
            float v = scaling == null ? values[t] : values[t] * scaling[ids[t] * classes + k];
            norm += v * v;
        }
        return norm;
    }

    private static void trainOneClass(List<SparseVector> inputs, int[] labels, int positive, int classes,
                                      int dimension, double c, int passes, Random random, double[] squaredNorms,
                                      float[] scaling, double[] classWeights, float[] w) {
        int bias = dimension * classes + positive;
        int n = inputs.size();
        double[] alpha = new double[n];
        double[] diagonals = new double[classes];
        for (int k = 0; k < classes; k++) {
            diagonals[k] = 0.5 / (classWeights == null ? c : c * classWeights[k]);
        }
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
                double diagonal = diagonals[labels[i]];
                double margin = y * (dot(x, w, scaling, classes, positive) + w[bias]);
                double gradient = margin - 1 + diagonal * alpha[i];
                double newAlpha = Math.max(0, alpha[i] - gradient / (squaredNorms[i] + diagonal));
                double step = (newAlpha - alpha[i]) * y;
                if (step != 0) {
                    alpha[i] = newAlpha;
                    int[] ids = x.ids();
                    float[] values = x.values();
                    for (int t = 0; t < ids.length; t++) {
                        int at = ids[t] * classes + positive;
                        float value = scaling == null ? values[t] : values[t] * scaling[at];
                        w[at] += (float) (step * value);
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

    private static double dot(SparseVector x, float[] w, float[] scaling, int classes, int k) {
        double sum = 0;
        int[] ids = x.ids();
        float[] values = x.values();
        for (int t = 0; t < ids.length; t++) {
            int at = ids[t] * classes + k;
            float value = scaling == null ? values[t] : values[t] * scaling[at];
            sum += value * w[at];
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
