package org.hotline.models.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.models.classifier.TrainOptions;
import picocli.CommandLine.Option;

/** Training options shared by {@code train} and {@code evaluate --folds}. */
final class TrainingFlags {
    private static final TrainOptions DEFAULTS = TrainOptions.defaults();

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "Taxonomy CSV or JSON the labels come from (default: the taxonomy the product ships).")
    Path taxonomy;

    @Option(names = "--unlabelled", paramLabel = "FILE",
            description = "JSON Lines of unlabelled messages that teach leaf vocabulary and IDF statistics; "
                    + "repeatable.")
    List<Path> unlabelled = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "8",
            description = "Passes of the DL4J embedding bag over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "256",
            description = "Minibatch size; DL4J's per-step cost is mostly fixed, so large batches train faster "
                    + "(default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--svm-cost", defaultValue = "3.0",
            description = "Margin-violation cost C of the linear SVM (default: ${DEFAULT-VALUE}).")
    double svmCost;

    @Option(names = "--dim", defaultValue = "32", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
    int dimension;

    @Option(names = "--learning-rate", defaultValue = "0.02",
            description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--buckets", defaultValue = "65536",
            description = "Hash buckets for word and character n-grams (default: ${DEFAULT-VALUE}).")
    int buckets;

    @Option(names = "--no-linear", description = "Use the embedding bag alone, without the TF-IDF SVM ensemble.")
    boolean noLinear;

    @Option(names = "--no-log-count-ratio",
            description = "Train the linear SVM on plain TF-IDF, without NB-SVM log-count-ratio scaling.")
    boolean noLogCountRatio;

    @Option(names = "--no-balanced-classes",
            description = "Give every record the same SVM cost instead of weighting each level-1 class alike.")
    boolean noBalancedClasses;

    @Option(names = "--calibration-fraction", defaultValue = "0.1",
            description = "Share of labelled records held out to calibrate scores (default: ${DEFAULT-VALUE}).")
    double calibrationFraction;

    @Option(names = "--review-threshold", defaultValue = "0.6",
            description = "Records whose level-1 score is below this are flagged for review "
                    + "(default: ${DEFAULT-VALUE}).")
    double reviewThreshold;

    TrainOptions options() {
        if (epochs < 1 || dimension < 1 || batchSize < 1 || buckets < 2 || learningRate <= 0 || svmCost <= 0) {
            throw new UserInputException("--epochs, --dim, --batch-size, --learning-rate and --svm-cost must be "
                    + "positive, --buckets at least 2");
        }
        return DEFAULTS.withSeed(seed).withEpochs(epochs).withDimension(dimension).withLearningRate(learningRate)
                .withBatchSize(batchSize).withSvmCost(svmCost)
                .withFeatures(DEFAULTS.features().withBuckets(buckets)).withLinearModel(!noLinear)
                .withLogCountRatio(!noLogCountRatio && DEFAULTS.logCountRatio())
                .withBalancedClasses(!noBalancedClasses && DEFAULTS.balancedClasses())
                .withCalibrationFraction(calibrationFraction).withReviewThreshold(reviewThreshold);
    }
}
