package org.hotline.alerts.detect;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Tail probabilities and quantiles of a count with a given mean and variance: negative binomial when
 * over-dispersed (variance > mean), Poisson otherwise. Exact for small counts, where normal
 * approximations raise too many alarms.
 */
public final class CountDistribution {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** Tail probabilities below this are reported as this, so that z-scores stay finite. */
    private static final double MIN_TAIL = 1e-15;

    private CountDistribution() {
    }

    /** P(Y ≥ k). */
    public static double upperTail(double mean, double variance, double k) {
        if (k <= 0) {
            return 1.0;
        }
        double kFloor = Math.ceil(k) - 1; // P(Y >= k) = 1 - P(Y <= ceil(k) - 1)
        if (mean <= 0) {
            return MIN_TAIL;
        }
        double tail;
        if (variance > mean * (1 + 1e-9)) {
            double size = mean * mean / (variance - mean);
            double p = size / (size + mean);
            // NB CDF(j) = I_p(size, j + 1); the upper tail is its complement I_{1-p}(j + 1, size).
            tail = Beta.regularizedBeta(1 - p, kFloor + 1, size, 1e-14, 10_000);
        } else {
            // Poisson CDF(j) = Q(j + 1, mean); the upper tail is P(j + 1, mean).
            tail = Gamma.regularizedGammaP(kFloor + 1, mean, 1e-14, 10_000);
        }
        return Math.max(MIN_TAIL, Math.min(1.0, tail));
    }

    /** The smallest integer k with P(Y ≥ k) ≤ alpha: counts of k or more are alarming at level alpha. */
    public static double alarmingCount(double mean, double variance, double alpha) {
        double sd = Math.sqrt(Math.max(variance, mean));
        double lo = Math.max(0, Math.floor(mean));
        double hi = Math.ceil(mean + 10 * sd + 10);
        while (upperTail(mean, variance, hi) > alpha) {
            hi = Math.ceil(hi + 10 * sd + 10);
        }
        while (hi - lo > 1) {
            double mid = Math.floor((lo + hi) / 2);
            if (upperTail(mean, variance, mid) <= alpha) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** The standard-normal z with the same upper-tail probability. */
    public static double toZ(double tailProbability) {
        double p = Math.max(MIN_TAIL, Math.min(1 - MIN_TAIL, tailProbability));
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - p);
    }

    public static double zToTail(double z) {
        return 1 - STANDARD_NORMAL.cumulativeProbability(z);
    }
}
