package org.hotline.models.classifier;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;
import org.hotline.models.text.FeatureExtractor;
import org.hotline.models.text.Segmenter;
import org.hotline.models.text.TextNormalizer;

/**
 * Trains a {@link HotlineClassifier}: the DL4J embedding bag on level-1 labels, the TF-IDF linear SVM beside it,
 * calibration on held-out records, and leaf prototypes from the taxonomy, unlabelled messages and any records
 * labelled down to a leaf. Deterministic: same records, taxonomy and options → same weights and version.
 */
public final class ClassifierTrainer {
    private static final int MIN_CALIBRATION_RECORDS = 30;
    private static final int SVM_PASSES = 15;
    /** Additive smoothing α of the naive-Bayes counts behind the log-count ratios. */
    private static final double LOG_COUNT_RATIO_SMOOTHING = 1.0;
    /** Used when there are too few records to hold some out: the SVM counts about as much as the bag. */
    private static final double DEFAULT_LINEAR_WEIGHT = 2.0;

    private ClassifierTrainer() {}

    /** A trained classifier and the DL4J network it came from (saved beside it for inspection/retraining). */
    public record Trained(HotlineClassifier classifier, EmbeddingBagNetwork network) {
        /** Writes the model directory plus the DL4J network beside it. */
        public void save(Path directory) throws IOException {
            ClassifierModels.save(classifier, directory);
            network.save(directory.resolve(ClassifierModels.NETWORK).toFile());
        }
    }

    public static HotlineClassifier train(List<HotlineRecord> records, Taxonomy taxonomy, TrainOptions options) {
        return train(records, List.of(), taxonomy, options, TrainingProgress.SILENT).classifier();
    }

    /**
     * @param records   training records; those with labels (any depth, level 1 first) train the model, those
     *                  without join {@code unlabelled}
     * @param unlabelled messages with no label, used for IDF statistics and leaf vocabulary
     * @throws org.hotline.models.taxonomy.TaxonomyException when a label path is not in the taxonomy
     * @throws IllegalArgumentException when no record has a label
     */
    public static Trained train(List<HotlineRecord> records, List<HotlineRecord> unlabelled, Taxonomy taxonomy,
                                TrainOptions options, TrainingProgress progress) {
        List<HotlineRecord> labelled = new ArrayList<>();
        List<HotlineRecord> corpusRecords = new ArrayList<>();
        for (HotlineRecord record : records) {
            if (record.labels().isEmpty()) {
                corpusRecords.add(record);
            } else {
                taxonomy.require(record.labels());
                labelled.add(record);
            }
        }
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("no training record has labels");
        }
        corpusRecords.addAll(unlabelled);

        List<String> roots = taxonomy.roots().stream().map(TaxonomyNode::name).toList();
        Map<String, Integer> rootIndex = indexOf(roots);
        FeatureExtractor extractor = new FeatureExtractor(
                Segmenter.withWords(dictionaryWords(taxonomy, options.extraWords())), options.features());

        List<int[]> labelledFeatures = featuresOf(labelled, extractor, progress, "features");
        List<int[]> corpusFeatures = featuresOf(corpusRecords, extractor, progress, "unlabelled features");
        int[] labels = labelled.stream().mapToInt(r -> rootIndex.get(r.labels().get(0))).toArray();

        boolean[] heldOut = calibrationSplit(labels, roots.size(), options);
        List<int[]> fitFeatures = new ArrayList<>();
        List<Integer> fitLabels = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (!heldOut[i]) {
                fitFeatures.add(labelledFeatures.get(i));
                fitLabels.add(labels[i]);
            }
        }
        int[] fitLabelArray = fitLabels.stream().mapToInt(Integer::intValue).toArray();

        List<int[]> allDocuments = new ArrayList<>(labelledFeatures);
        allDocuments.addAll(corpusFeatures);
        TfIdf tfIdf = TfIdf.fit(allDocuments, options.features().buckets());

        EmbeddingBagNetwork network = trainNetwork(fitFeatures, fitLabelArray, roots.size(), options, progress);
        EmbeddingBag bag = network.toEmbeddingBag();
        LinearSvm svm = options.linearModel()
                ? trainSvm(fitFeatures, fitLabelArray, roots.size(), tfIdf, options, progress) : null;
        HotlineClassifier.Calibration calibration =
                calibrate(labelledFeatures, labels, heldOut, bag, svm, tfIdf, options);
        if (svm != null && fitFeatures.size() < labelledFeatures.size()) {
            // Calibration is done; the SVM trains in seconds, so let it see the held-out records too.
            svm = trainSvm(labelledFeatures, labels, roots.size(), tfIdf, options, progress);
        }

        LeafScorer leafScorer = buildLeafScorer(taxonomy, rootIndex, extractor, tfIdf, labelled, labelledFeatures,
                corpusRecords, corpusFeatures, options);
        String version = version(bag, svm, calibration, leafScorer, options);
        HotlineClassifier classifier = new HotlineClassifier(version, taxonomy.version(), roots, extractor, bag,
                tfIdf, svm, calibration, leafScorer, options.reviewThreshold());
        return new Trained(classifier, network);
    }

    /**
     * The TF-IDF + linear SVM baseline alone, trained on every labelled record with the same features and cost, and
     * never with log-count ratios or class balancing: it stays the plain reference point.
     */
    public static LinearBaseline trainBaseline(List<HotlineRecord> records, List<HotlineRecord> unlabelled,
                                               Taxonomy taxonomy, TrainOptions options) {
        List<HotlineRecord> labelled = records.stream().filter(r -> !r.labels().isEmpty()).toList();
        List<String> roots = taxonomy.roots().stream().map(TaxonomyNode::name).toList();
        Map<String, Integer> rootIndex = indexOf(roots);
        FeatureExtractor extractor = new FeatureExtractor(
                Segmenter.withWords(dictionaryWords(taxonomy, options.extraWords())), options.features());
        List<int[]> features = featuresOf(labelled, extractor, TrainingProgress.SILENT, "features");
        List<int[]> documents = new ArrayList<>(features);
        documents.addAll(featuresOf(unlabelled, extractor, TrainingProgress.SILENT, "features"));
        TfIdf tfIdf = TfIdf.fit(documents, options.features().buckets());
        int[] labels = labelled.stream().mapToInt(r -> rootIndex.get(r.labels().get(0))).toArray();
        LinearSvm svm = trainSvm(features, labels, roots.size(), tfIdf,
                options.withLogCountRatio(false).withBalancedClasses(false), TrainingProgress.SILENT);
        return new LinearBaseline(roots, extractor, tfIdf, svm);
    }

    /** Taxonomy names and keywords first (they name what operators route by), then caller-supplied words. */
    static List<String> dictionaryWords(Taxonomy taxonomy, List<String> extraWords) {
        Set<String> words = new LinkedHashSet<>();
        for (TaxonomyNode node : taxonomy.nodes()) {
            words.add(node.name());
            words.addAll(node.keywords());
        }
        words.addAll(extraWords);
        return List.copyOf(words);
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (String name : names) {
            index.put(name, index.size());
        }
        return index;
    }

    private static List<int[]> featuresOf(List<HotlineRecord> records, FeatureExtractor extractor,
                                          TrainingProgress progress, String phase) {
        // Parallel but order-preserving, so results do not depend on scheduling.
        List<int[]> features = records.parallelStream().map(r -> extractor.features(r.title(), r.content()))
                .toList();
        progress.update(phase, records.size(), records.size());
        return features;
    }

    /** Seeded, stratified: about {@code calibrationFraction} of each level-1 class is held out. */
    static boolean[] calibrationSplit(int[] labels, int classes, TrainOptions options) {
        boolean[] heldOut = new boolean[labels.length];
        if (options.calibrationFraction() == 0
                || labels.length * options.calibrationFraction() < MIN_CALIBRATION_RECORDS) {
            return heldOut;
        }
        Random random = new Random(options.seed() ^ 0x5DEECE66DL);
        for (int k = 0; k < classes; k++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == k) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            int take = (int) Math.floor(members.size() * options.calibrationFraction());
            for (int j = 0; j < take && members.size() - take > 0; j++) {
                heldOut[members.get(j)] = true;
            }
        }
        return heldOut;
    }

    private static EmbeddingBagNetwork trainNetwork(List<int[]> features, int[] labels, int classes,
                                                    TrainOptions options, TrainingProgress progress) {
        EmbeddingBagNetwork network = EmbeddingBagNetwork.create(options.features().buckets(), options.dimension(),
                classes, options.seed(), options.learningRate());
        Random shuffle = new Random(options.seed());
        long total = (long) options.epochs() * features.size();
        long[] done = {0};
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            network.fitEpoch(features, labels, options.batchSize(), shuffle, n -> {
                done[0] += n;
                progress.update("embedding bag (DL4J)", done[0], total);
            });
        }
        return network;
    }

    private static LinearSvm trainSvm(List<int[]> features, int[] labels, int classes, TfIdf tfIdf,
                                      TrainOptions options, TrainingProgress progress) {
        List<SparseVector> vectors = features.stream().map(tfIdf::vector).toList();
        int buckets = options.features().buckets();
        float[] scaling = options.logCountRatio()
                ? LinearSvm.logCountRatios(vectors, labels, classes, buckets, LOG_COUNT_RATIO_SMOOTHING) : null;
        double[] classWeights = options.balancedClasses() ? LinearSvm.balancedClassWeights(labels, classes) : null;
        LinearSvm svm = LinearSvm.train(vectors, labels, classes, buckets, options.svmCost(), SVM_PASSES,
                options.seed(), scaling, classWeights);
        progress.update("linear SVM", 1, 1);
        return svm;
    }

    private static HotlineClassifier.Calibration calibrate(List<int[]> features, int[] labels, boolean[] heldOut,
                                                           EmbeddingBag bag, LinearSvm svm, TfIdf tfIdf,
                                                           TrainOptions options) {
        List<double[]> bagLogs = new ArrayList<>();
        List<double[]> decisions = new ArrayList<>();
        List<Integer> heldLabels = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (heldOut[i]) {
                bagLogs.add(HotlineClassifier.logProbabilities(bag.probabilities(features.get(i), 1.0)));
                if (svm != null) {
                    decisions.add(svm.decision(tfIdf.vector(features.get(i))));
                }
                heldLabels.add(labels[i]);
            }
        }
        if (heldLabels.isEmpty()) {
            return new HotlineClassifier.Calibration(1.0, svm == null ? 0.0 : DEFAULT_LINEAR_WEIGHT);
        }
        return Calibrator.fit(bagLogs, svm == null ? null : decisions,
                heldLabels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static LeafScorer buildLeafScorer(Taxonomy taxonomy, Map<String, Integer> rootIndex,
                                              FeatureExtractor extractor, TfIdf tfIdf,
                                              List<HotlineRecord> labelled, List<int[]> labelledFeatures,
                                              List<HotlineRecord> corpusRecords, List<int[]> corpusFeatures,
                                              TrainOptions options) {
        List<TaxonomyNode> leaves = taxonomy.leaves();
        Map<List<String>, Integer> leafIndex = new HashMap<>();
        int[] leafRoot = new int[leaves.size()];
        for (int leaf = 0; leaf < leaves.size(); leaf++) {
            leafIndex.put(leaves.get(leaf).path(), leaf);
            leafRoot[leaf] = rootIndex.get(leaves.get(leaf).path().get(0));
        }
        List<LeafPrototypes.CorpusDocument> corpus = new ArrayList<>();
        List<LeafPrototypes.LeafExample> examples = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            HotlineRecord record = labelled.get(i);
            corpus.add(new LeafPrototypes.CorpusDocument(TextNormalizer.normalize(record.text()),
                    labelledFeatures.get(i), rootIndex.get(record.labels().get(0))));
            Integer leaf = leafIndex.get(record.labels());
            if (leaf != null) {
                examples.add(new LeafPrototypes.LeafExample(leaf, labelledFeatures.get(i)));
            }
        }
        for (int i = 0; i < corpusRecords.size(); i++) {
            corpus.add(new LeafPrototypes.CorpusDocument(TextNormalizer.normalize(corpusRecords.get(i).text()),
                    corpusFeatures.get(i), -1));
        }
        List<SparseVector> prototypes = new LeafPrototypes(extractor, tfIdf, LeafPrototypes.Weights.defaults())
                .build(leaves, leafRoot, corpus, examples);
        List<List<String>> paths = leaves.stream().map(TaxonomyNode::path).toList();
        return LeafScorer.fromPrototypes(paths, leafRoot, rootIndex.size(), options.leafSharpness(), prototypes,
                options.features().buckets());
    }

    /** A digest of everything that decides the scores, so equal models get equal versions. */
    static String version(EmbeddingBag bag, LinearSvm svm, HotlineClassifier.Calibration calibration,
                          LeafScorer leafScorer, TrainOptions options) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(floats(bag.embeddings()));
            digest.update(floats(bag.outputWeights()));
            digest.update(floats(bag.outputBias()));
            if (svm != null) {
                digest.update(floats(svm.weights()));
            }
            digest.update(floats(leafScorer.postingWeight()));
            digest.update((calibration + " " + options).getBytes(StandardCharsets.UTF_8));
            return "embag-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] floats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }
}
