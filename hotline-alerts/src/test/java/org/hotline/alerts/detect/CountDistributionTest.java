package org.hotline.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class CountDistributionTest {

    @Test
    void poissonTailMatchesTheClosedForm() {
        double expected = 1 - Math.exp(-1) * (1 + 1 + 0.5); // P(Y >= 3), Y ~ Poisson(1)
        assertThat(CountDistribution.upperTail(1, 1, 3)).isCloseTo(expected, within(1e-12));
        assertThat(CountDistribution.upperTail(1, 1, 0)).isEqualTo(1.0);
    }

    @Test
    void negativeBinomialTailMatchesSummedProbabilities() {
        double mean = 4;
        double variance = 12; // size r = 16 / 8 = 2
        double r = 2;
        double p = r / (r + mean);
        double cdf = 0;
        for (int k = 0; k < 7; k++) {
            cdf += Math.exp(Gamma.logGamma(k + r) - Gamma.logGamma(r) - Gamma.logGamma(k + 1)
                    + r * Math.log(p) + k * Math.log(1 - p));
        }
        assertThat(CountDistribution.upperTail(mean, variance, 7)).isCloseTo(1 - cdf, within(1e-10));
    }

    @Test
    void alarmingCountIsTheFirstCountBelowAlpha() {
        double k = CountDistribution.alarmingCount(10, 10, 0.01);
        assertThat(CountDistribution.upperTail(10, 10, k)).isLessThanOrEqualTo(0.01);
        assertThat(CountDistribution.upperTail(10, 10, k - 1)).isGreaterThan(0.01);
    }

    @Test
    void zScoresRoundTrip() {
        assertThat(CountDistribution.toZ(CountDistribution.zToTail(3.0))).isCloseTo(3.0, within(1e-9));
    }
}
