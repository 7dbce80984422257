package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearSvmTest {
    private static final int DIMENSION = 40;
    private static final int CLASSES = 3;

    /** Class k's records contain features 10k..10k+9 (a few of them), all records share features 30..39. */
    private static List<SparseVector> inputs(Random random, int[] labels) {
        List<SparseVector> inputs = new ArrayList<>();
        for (int label : labels) {
            int own = 10 * label + random.nextInt(10);
            int shared = 30 + random.nextInt(10);
            int[] ids = own < shared ? new int[] {own, shared} : new int[] {shared, own};
            inputs.add(new SparseVector(ids, new float[] {0.8f, 0.6f}));
        }
        return inputs;
    }

    private static int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
        }
        return labels;
    }

    @Test
    void logCountRatiosFavourTheFeaturesOfTheirClass() {
        int[] labels = labels(90);
        float[] r = LinearSvm.logCountRatios(inputs(new Random(1), labels), labels, CLASSES, DIMENSION, 1.0);
        assertThat(r).hasSize(DIMENSION * CLASSES);
        assertThat(r[5 * CLASSES]).isPositive();       // feature 5 belongs to class 0
        assertThat(r[5 * CLASSES + 1]).isNegative();
        assertThat(r[15 * CLASSES + 1]).isPositive();  // feature 15 belongs to class 1
        assertThat(Math.abs(r[35 * CLASSES + 2])).isLessThan(0.5f); // shared features say little
    }

    @Test
    void scalingIsFoldedIntoTheWeightsAndTheModelSeparatesTheClasses() {
        int[] labels = labels(90);
        List<SparseVector> inputs = inputs(new Random(2), labels);
        float[] r = LinearSvm.logCountRatios(inputs, labels, CLASSES, DIMENSION, 1.0);
        LinearSvm scaled = LinearSvm.train(inputs, labels, CLASSES, DIMENSION, 1.0, 10, 42, r, null);
        LinearSvm again = LinearSvm.train(inputs, labels, CLASSES, DIMENSION, 1.0, 10, 42, r, null);
        assertThat(again.weights()).isEqualTo(scaled.weights());

        // Training on explicitly scaled copies (one class at a time) gives the same decision values.
        for (int k = 0; k < CLASSES; k++) {
            List<SparseVector> explicit = new ArrayList<>();
            for (SparseVector x : inputs) {
                float[] values = x.values().clone();
                for (int t = 0; t < values.length; t++) {
                    values[t] *= r[x.ids()[t] * CLASSES + k];
                }
                explicit.add(new SparseVector(x.ids(), values));
            }
            int[] binary = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                binary[i] = labels[i] == k ? 0 : 1;
            }
            LinearSvm plain = LinearSvm.train(explicit, binary, 2, DIMENSION, 1.0, 10, 42 + k);
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(scaled.decision(inputs.get(i))[k])
                        .isCloseTo(plain.decision(explicit.get(i))[0], within(1e-4));
            }
        }
        int right = 0;
        for (int i = 0; i < inputs.size(); i++) {
            right += HotlineClassifier.argmax(scaled.decision(inputs.get(i))) == labels[i] ? 1 : 0;
        }
        assertThat(right).isEqualTo(inputs.size());
    }

    @Test
    void withoutScalingTheOldTrainerIsUnchanged() {
        int[] labels = labels(60);
        List<SparseVector> inputs = inputs(new Random(3), labels);
        assertThat(LinearSvm.train(inputs, labels, CLASSES, DIMENSION, 1.0, 5, 7, null, null).weights())
                .isEqualTo(LinearSvm.train(inputs, labels, CLASSES, DIMENSION, 1.0, 5, 7).weights());
    }

    @Test
    void balancedWeightsMakeEveryPresentClassWeighAlike() {
        double[] weights = LinearSvm.balancedClassWeights(new int[] {0, 0, 0, 1, 2, 2}, 4);
        assertThat(weights).containsExactly(6 / 9.0, 6 / 3.0, 6 / 6.0, 0.0);
        // Equal weights are the same as none.
        int[] labels = labels(60);
        List<SparseVector> inputs = inputs(new Random(4), labels);
        assertThat(LinearSvm.train(inputs, labels, CLASSES, DIMENSION, 1.0, 5, 7, null, new double[] {1, 1, 1})
                .weights()).isEqualTo(LinearSvm.train(inputs, labels, CLASSES, DIMENSION, 1.0, 5, 7).weights());
    }
}
