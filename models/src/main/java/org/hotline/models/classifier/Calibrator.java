package org.hotline.models.classifier;

import java.util.List;

/**
 * Fits the level-1 temperature (and the ensemble weight of the linear model) by minimizing log-loss on records
 * held out from training, so a score of 0.8 means right about 80% of the time.
 */
final class Calibrator {
    private static final double[] LINEAR_WEIGHTS = {0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0};
    private static final double MIN_LOG_TEMPERATURE = Math.log(0.05);
    private static final double MAX_LOG_TEMPERATURE = Math.log(20);
    private static final int SEARCH_STEPS = 60;

    private Calibrator() {}

    /**
     * @param bagLogProbabilities per held-out record, the embedding bag's log-probabilities
     * @param linearDecisions     per held-out record, the SVM decision values (null: no linear model)
     */
    static HotlineClassifier.Calibration fit(List<double[]> bagLogProbabilities, List<double[]> linearDecisions,
                                             int[] labels) {
        double[] weights = linearDecisions == null ? new double[] {0.0} : LINEAR_WEIGHTS;
        HotlineClassifier.Calibration best = HotlineClassifier.Calibration.NONE;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double weight : weights) {
            double temperature = bestTemperature(bagLogProbabilities, linearDecisions, labels, weight);
            double loss = logLoss(bagLogProbabilities, linearDecisions, labels, weight, temperature);
            if (loss < bestLoss - 1e-12) {
                bestLoss = loss;
                best = new HotlineClassifier.Calibration(temperature, weight);
            }
        }
        return best;
    }

    /** Golden-section search on log temperature; log-loss is unimodal in it. */
    private static double bestTemperature(List<double[]> bag, List<double[]> linear, int[] labels, double weight) {
        double phi = (Math.sqrt(5) - 1) / 2;
        double lo = MIN_LOG_TEMPERATURE;
        double hi = MAX_LOG_TEMPERATURE;
        for (int step = 0; step < SEARCH_STEPS; step++) {
            double a = hi - phi * (hi - lo);
            double b = lo + phi * (hi - lo);
            if (logLoss(bag, linear, labels, weight, Math.exp(a)) < logLoss(bag, linear, labels, weight, Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    static double logLoss(List<double[]> bag, List<double[]> linear, int[] labels, double weight,
                          double temperature) {
        double loss = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] logits = bag.get(i).clone();
            if (linear != null) {
                double[] decision = linear.get(i);
                for (int k = 0; k < logits.length; k++) {
                    logits[k] += weight * decision[k];
                }
            }
            double[] p = EmbeddingBag.softmax(logits, temperature);
            loss -= Math.log(Math.max(p[labels[i]], 1e-12));
        }
        return loss / Math.max(1, labels.length);
    }
}
