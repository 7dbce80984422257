package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingBagTest {
    @Test
    void plainJavaForwardPassGivesDl4jScoresToOneInAHundredThousand() {
        int buckets = 500;
        int classes = 4;
        Random random = new Random(11);
        List<int[]> features = new ArrayList<>();
        int[] labels = new int[64];
        for (int i = 0; i < labels.length; i++) {
            int[] ids = new int[1 + random.nextInt(40)]; // ragged lengths exercise the mask
            for (int t = 0; t < ids.length; t++) {
                ids[t] = random.nextInt(buckets);
            }
            features.add(ids);
            labels[i] = ids[0] % classes;
        }
        EmbeddingBagNetwork network = EmbeddingBagNetwork.create(buckets, 8, classes, 3, 0.05);
        network.fitEpoch(features, labels, 16, new Random(1), n -> { });

        EmbeddingBag bag = network.toEmbeddingBag();
        double[][] dl4j = network.predict(features);
        for (int i = 0; i < features.size(); i++) {
            double[] plain = bag.probabilities(features.get(i), 1.0);
            for (int c = 0; c < classes; c++) {
                assertThat(plain[c]).isCloseTo(dl4j[i][c], within(1e-5));
            }
        }
    }

    @Test
    void temperatureFlattensWithoutReordering() {
        double[] logits = {2.0, 0.5, -1.0};
        double[] sharp = EmbeddingBag.softmax(logits, 1.0);
        double[] flat = EmbeddingBag.softmax(logits, 3.0);
        assertThat(flat[0]).isLessThan(sharp[0]).isGreaterThan(flat[1]);
        assertThat(flat[1]).isGreaterThan(flat[2]);
    }
}
