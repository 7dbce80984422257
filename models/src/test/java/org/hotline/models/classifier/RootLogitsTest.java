package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RootLogitsTest {
    private static final int BUCKETS = 300;
    private static final int DIMENSION = 16;
    private static final int CLASSES = 5;

    @Test
    void fusedTableGivesTheEmbeddingBagLogitsAndTheSvmDecisionValues() {
        Random random = new Random(3);
        EmbeddingBag bag = randomBag(random);
        LinearSvm svm = new LinearSvm(CLASSES, BUCKETS, randomFloats(random, (BUCKETS + 1) * CLASSES));
        TfIdf tfIdf = new TfIdf(randomFloats(random, BUCKETS));
        RootLogits fused = RootLogits.of(bag, svm);
        assertThat(fused.hasLinearModel()).isTrue();
        for (int record = 0; record < 50; record++) {
            FeatureCounts features = FeatureCounts.of(randomFeatures(random));
            SparseVector vector = tfIdf.vector(features);
            double[] logits = new double[CLASSES];
            double[] decision = new double[CLASSES];
            fused.score(features, vector, logits, decision);
            assertClose(logits, bag.logits(features));
            assertClose(decision, svm.decision(vector));
        }
    }

    @Test
    void withoutLinearModelOnlyTheEmbeddingBagIsScored() {
        Random random = new Random(4);
        EmbeddingBag bag = randomBag(random);
        RootLogits fused = RootLogits.of(bag, null);
        assertThat(fused.hasLinearModel()).isFalse();
        FeatureCounts features = FeatureCounts.of(randomFeatures(random));
        double[] logits = new double[CLASSES];
        fused.score(features, new TfIdf(new float[BUCKETS]).vector(features), logits, new double[CLASSES]);
        assertClose(logits, bag.logits(features));
    }

    private static EmbeddingBag randomBag(Random random) {
        return new EmbeddingBag(BUCKETS, DIMENSION, CLASSES, randomFloats(random, BUCKETS * DIMENSION),
                randomFloats(random, DIMENSION * CLASSES), randomFloats(random, CLASSES));
    }

    private static int[] randomFeatures(Random random) {
        int[] ids = new int[1 + random.nextInt(200)];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = random.nextInt(BUCKETS);
        }
        return ids;
    }

    private static float[] randomFloats(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static void assertClose(double[] actual, double[] expected) {
        for (int c = 0; c < expected.length; c++) {
            assertThat(actual[c]).isCloseTo(expected[c], within(1e-5));
        }
    }
}
