package org.hotline.models.classifier;

import java.util.List;
import org.hotline.models.sample.Gazetteer;
import org.hotline.models.text.FeatureConfig;

/**
 * Everything that shapes a trained model. Same records + same options (seed included) → the same model.
 *
 * @param seed                 seeds weight init, shuffling and the calibration split
 * @param epochs               passes of the DL4J embedding bag over the training records
 * @param dimension            embedding size
 * @param learningRate         Adam learning rate of the embedding bag
 * @param batchSize            minibatch size
 * @param features             how text becomes feature ids
 * @param calibrationFraction  share of labelled records held out to fit the score temperature and ensemble
 *                             weight (0 = no calibration: temperature 1, fixed ensemble weight)
 * @param linearModel          ensemble the embedding bag with a TF-IDF linear SVM
 * @param svmCost              SVM margin-violation cost C
 * @param logCountRatio        scale each class's TF-IDF features by their naive-Bayes log-count ratio before the
 *                             one-vs-rest SVM (NB-SVM, Wang and Manning 2012); folded into the SVM weights, so
 *                             prediction costs the same
 * @param balancedClasses      weight each record's margin violations in the SVM by n / (classes × n_class), so
 *                             every level-1 class counts alike (macro-F1 is the measure)
 * @param reviewThreshold      a record whose best level-1 score is below this needs review
 * @param leafSharpness        how peaked the leaf distribution under a level-1 class is
 * @param extraWords           words added to the segmenter dictionary besides taxonomy names (default: the
 *                             gazetteer's place names)
 */
public record TrainOptions(long seed, int epochs, int dimension, double learningRate, int batchSize,
                           FeatureConfig features, double calibrationFraction, boolean linearModel, double svmCost,
                           boolean logCountRatio, boolean balancedClasses, double reviewThreshold,
                           double leafSharpness, List<String> extraWords) {
    public TrainOptions {
        extraWords = List.copyOf(extraWords);
        if (epochs < 1 || dimension < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs, dimension and batch size must be positive");
        }
        if (calibrationFraction < 0 || calibrationFraction >= 0.5) {
            throw new IllegalArgumentException("calibration fraction must be in [0, 0.5), got " + calibrationFraction);
        }
        if (reviewThreshold < 0 || reviewThreshold > 1) {
            throw new IllegalArgumentException("review threshold must be in [0, 1], got " + reviewThreshold);
        }
    }

    /** Defaults tuned on teddy2020 cross-validation; the segmenter also learns the default city's place names. */
    public static TrainOptions defaults() {
        return new TrainOptions(42L, 8, 32, 0.02, 256, FeatureConfig.defaults(), 0.1, true, 3.0, true, true, 0.6,
                20.0, Gazetteer.defaultCity().placeNames());
    }

    /**
     * Defaults with 2 epochs, for the demo and the Flink job that train on 5–20k synthetic records at start-up:
     * synthetic demands are learnt in 2 epochs as well as in 8 (measured: 10k records, about 1 CPU-minute).
     */
    public static TrainOptions quick() {
        return defaults().withEpochs(2);
    }

    public TrainOptions withSeed(long newSeed) {
        return new TrainOptions(newSeed, epochs, dimension, learningRate, batchSize, features, calibrationFraction,
                linearModel, svmCost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness,
                extraWords);
    }

    public TrainOptions withEpochs(int newEpochs) {
        return new TrainOptions(seed, newEpochs, dimension, learningRate, batchSize, features, calibrationFraction,
                linearModel, svmCost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness,
                extraWords);
    }

    public TrainOptions withDimension(int newDimension) {
        return new TrainOptions(seed, epochs, newDimension, learningRate, batchSize, features, calibrationFraction,
                linearModel, svmCost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness,
                extraWords);
    }

    public TrainOptions withLearningRate(double newRate) {
        return new TrainOptions(seed, epochs, dimension, newRate, batchSize, features, calibrationFraction,
                linearModel, svmCost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness,
                extraWords);
    }

    public TrainOptions withBatchSize(int newBatchSize) {
        return new TrainOptions(seed, epochs, dimension, learningRate, newBatchSize, features, calibrationFraction,
                linearModel, svmCost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness,
                extraWords);
    }

    public TrainOptions withSvmCost(double cost) {
        return new TrainOptions(seed, epochs, dimension, learningRate, batchSize, features, calibrationFraction,
                linearModel, cost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness, extraWords);
    }

    public TrainOptions withLogCountRatio(boolean enabled) {
        return new TrainOptions(seed, epochs, dimension, learningRate, batchSize, features, calibrationFraction,
                linearModel, svmCost, enabled, balancedClasses, reviewThreshold, leafSharpness, extraWords);
    }

    public TrainOptions withBalancedClasses(boolean enabled) {
        return new TrainOptions(seed, epochs, dimension, learningRate, batchSize, features, calibrationFraction,
                linearModel, svmCost, logCountRatio, enabled, reviewThreshold, leafSharpness, extraWords);
    }

    public TrainOptions withFeatures(FeatureConfig newFeatures) {
        return new TrainOptions(seed, epochs, dimension, learningRate, batchSize, newFeatures, calibrationFraction,
                linearModel, svmCost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness,
                extraWords);
    }

    public TrainOptions withCalibrationFraction(double fraction) {
        return new TrainOptions(seed, epochs, dimension, learningRate, batchSize, features, fraction, linearModel,
                svmCost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness, extraWords);
    }

    public TrainOptions withLinearModel(boolean enabled) {
        return new TrainOptions(seed, epochs, dimension, learningRate, batchSize, features, calibrationFraction,
                enabled, svmCost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness, extraWords);
    }

    public TrainOptions withReviewThreshold(double threshold) {
        return new TrainOptions(seed, epochs, dimension, learningRate, batchSize, features, calibrationFraction,
                linearModel, svmCost, logCountRatio, balancedClasses, threshold, leafSharpness, extraWords);
    }

    public TrainOptions withLeafSharpness(double sharpness) {
        return new TrainOptions(seed, epochs, dimension, learningRate, batchSize, features, calibrationFraction,
                linearModel, svmCost, logCountRatio, balancedClasses, reviewThreshold, sharpness, extraWords);
    }

    public TrainOptions withExtraWords(List<String> words) {
        return new TrainOptions(seed, epochs, dimension, learningRate, batchSize, features, calibrationFraction,
                linearModel, svmCost, logCountRatio, balancedClasses, reviewThreshold, leafSharpness, words);
    }
}
