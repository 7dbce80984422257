package org.hotline.alerts.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpaceTimePermutationScanTest {

    /** 20 areas × 30 days of uniform background, optionally with extra cases in area 7 on days 10..12. */
    private static int[][] cases(int background, int planted, long seed) {
        Random random = new Random(seed);
        int n = background + planted;
        int[] area = new int[n];
        int[] day = new int[n];
        for (int i = 0; i < background; i++) {
            area[i] = random.nextInt(20);
            day[i] = random.nextInt(30);
        }
        for (int i = background; i < n; i++) {
            area[i] = 7;
            day[i] = 10 + random.nextInt(3);
        }
        return new int[][] {area, day};
    }

    @Test
    void findsAPlantedClusterWithASmallPValue() {
        int[][] data = cases(600, 15, 1);
        SpaceTimePermutationScan scan = SpaceTimePermutationScan.singleAreas(20, 30, 7);
        SpaceTimePermutationScan.Cluster cluster = scan.scan(data[0], data[1], 199, 3).mostLikely();
        assertThat(cluster.areas()).containsExactly(7);
        assertThat(cluster.startDay()).isLessThanOrEqualTo(12);
        assertThat(cluster.endDay()).isGreaterThanOrEqualTo(10);
        assertThat(cluster.pValue()).isLessThan(0.05);
    }

    @Test
    void pValueOfABackgroundWithoutClusterIsNotSmall() {
        int[][] data = cases(600, 0, 2);
        SpaceTimePermutationScan scan = SpaceTimePermutationScan.singleAreas(20, 30, 7);
        assertThat(scan.scan(data[0], data[1], 199, 4).mostLikely().pValue()).isGreaterThanOrEqualTo(0.05);
    }

    @Test
    void neighbourZonesJoinAdjacentAreas() {
        // areas on a line: neighbours are the next ones; the cluster straddles areas 3 and 4
        int[][] neighbours = new int[10][];
        for (int a = 0; a < 10; a++) {
            final int center = a;
            neighbours[a] = java.util.stream.IntStream.range(0, 10).filter(b -> b != center).boxed()
                    .sorted(java.util.Comparator.comparingInt(b -> Math.abs(b - center))).mapToInt(Integer::intValue)
                    .toArray();
        }
        Random random = new Random(5);
        int[] area = new int[330];
        int[] day = new int[330];
        for (int i = 0; i < 300; i++) {
            area[i] = random.nextInt(10);
            day[i] = random.nextInt(20);
        }
        for (int i = 300; i < 330; i++) {
            area[i] = i % 2 == 0 ? 3 : 4;
            day[i] = 15;
        }
        SpaceTimePermutationScan scan = new SpaceTimePermutationScan(10, 20, neighbours, 3, 5, false);
        assertThat(scan.scan(area, day, 99, 1).mostLikely().areas()).contains(3, 4);
    }

    @Test
    void likelihoodRatioMatchesKulldorffsFormula() {
        double llr = SpaceTimePermutationScan.logLikelihoodRatio(20, 5, 100);
        assertThat(llr).isCloseTo(20 * Math.log(4) + 80 * Math.log(80 / 95.0), within(1e-12));
        assertThat(SpaceTimePermutationScan.logLikelihoodRatio(4, 5, 100)).isZero();
    }
}
