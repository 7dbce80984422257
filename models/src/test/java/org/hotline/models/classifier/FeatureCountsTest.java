package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureCountsTest {
    @Test
    void radixSortEqualsComparisonSortAcrossIdRanges() {
        Random random = new Random(5);
        for (int bound : new int[] {1, 2, 255, 256, 1 << 16, 1 << 20, Integer.MAX_VALUE}) {
            for (int length : new int[] {0, 1, 7, 600, 1024}) {
                int[] values = random.ints(length, 0, bound).toArray();
                int[] expected = values.clone();
                Arrays.sort(expected);
                assertThat(FeatureCounts.sortedCopy(values)).containsExactly(expected);
            }
        }
    }

    @Test
    void negativeValuesStillSort() {
        int[] values = {5, -3, 70000, -3, 0, Integer.MIN_VALUE};
        assertThat(FeatureCounts.sortedCopy(values)).containsExactly(Integer.MIN_VALUE, -3, -3, 0, 5, 70000);
    }

    @Test
    void countsDistinctIdsInAscendingOrder() {
        FeatureCounts bag = FeatureCounts.of(new int[] {300, 7, 300, 65535, 7, 300});
        assertThat(bag.ids()).containsExactly(7, 300, 65535);
        assertThat(bag.counts()).containsExactly(2, 3, 1);
        assertThat(bag.total()).isEqualTo(6);
    }

    @Test
    void inputIsLeftAlone() {
        int[] values = {3, 1, 2};
        FeatureCounts.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }
}
