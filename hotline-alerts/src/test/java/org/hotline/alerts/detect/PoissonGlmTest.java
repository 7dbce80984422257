package org.hotline.alerts.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonGlmTest {

    @Test
    void recoversLogLinearCoefficientsFromExactMeans() {
        int n = 50;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double covariate = i / 10.0;
            x[i] = new double[] {1, covariate};
            y[i] = Math.exp(1.0 + 0.5 * covariate);
        }
        PoissonGlm.Fit fit = PoissonGlm.fit(x, y, null);
        assertThat(fit.beta()[0]).isCloseTo(1.0, within(1e-6));
        assertThat(fit.beta()[1]).isCloseTo(0.5, within(1e-6));
        assertThat(fit.dispersion()).isEqualTo(1.0);
    }

    @Test
    void weightsDownWeightAnOutlier() {
        double[][] x = new double[10][];
        double[] y = new double[10];
        double[] weights = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {1};
            y[i] = i == 9 ? 1000 : 10;
            weights[i] = i == 9 ? 0 : 1;
        }
        assertThat(PoissonGlm.fit(x, y, null).predict(new double[] {1})).isCloseTo(109, within(1e-6));
        assertThat(PoissonGlm.fit(x, y, weights).predict(new double[] {1})).isCloseTo(10, within(1e-6));
    }

    @Test
    void dispersionExceedsOneForOverdispersedCounts() {
        double[][] x = new double[8][];
        double[] y = {2, 30, 4, 25, 3, 40, 1, 35};
        for (int i = 0; i < 8; i++) {
            x[i] = new double[] {1};
        }
        assertThat(PoissonGlm.fit(x, y, null).dispersion()).isGreaterThan(5);
    }
}
