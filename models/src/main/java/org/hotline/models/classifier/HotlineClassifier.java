package org.hotline.models.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotline.models.text.FeatureExtractor;
import org.hotline.models.text.Segmenter;

/**
 * The trained hierarchical classifier, nd4j-free: level-1 scores from the embedding bag (optionally ensembled with
 * the linear SVM), temperature-calibrated; leaf scores = P(level 1) × P(leaf | level 1) from the {@link LeafScorer}.
 * The first suggestion is always the best leaf under the best level-1 class, so it agrees with the level-1
 * decision; the rest follow by score. Immutable and thread-safe.
 */
public final class HotlineClassifier implements DemandClassifier {
    private final String version;
    private final String taxonomyVersion;
    private final List<String> roots;
    private final FeatureExtractor extractor;
    private final EmbeddingBag embeddingBag;
    private final TfIdf tfIdf;
    private final LinearSvm linearSvm;
    private final Calibration calibration;
    private final LeafScorer leafScorer;
    private final double reviewThreshold;
    /** The hot path's form of the embedding bag and linear SVM, derived from them. */
    private final RootLogits rootLogits;

    /**
     * @param linearSvm null when the model is the embedding bag alone
     */
    public HotlineClassifier(String version, String taxonomyVersion, List<String> roots, FeatureExtractor extractor,
                             EmbeddingBag embeddingBag, TfIdf tfIdf, LinearSvm linearSvm, Calibration calibration,
                             LeafScorer leafScorer, double reviewThreshold) {
        this(version, taxonomyVersion, roots, extractor, embeddingBag, tfIdf, linearSvm, calibration, leafScorer,
                reviewThreshold, RootLogits.of(embeddingBag,
                        linearSvm != null && calibration.linearWeight() != 0 ? linearSvm : null));
    }

    private HotlineClassifier(String version, String taxonomyVersion, List<String> roots,
                              FeatureExtractor extractor, EmbeddingBag embeddingBag, TfIdf tfIdf,
                              LinearSvm linearSvm, Calibration calibration, LeafScorer leafScorer,
                              double reviewThreshold, RootLogits rootLogits) {
        this.version = version;
        this.taxonomyVersion = taxonomyVersion;
        this.roots = List.copyOf(roots);
        this.extractor = extractor;
        this.embeddingBag = embeddingBag;
        this.tfIdf = tfIdf;
        this.linearSvm = linearSvm;
        this.calibration = calibration;
        this.leafScorer = leafScorer;
        this.reviewThreshold = reviewThreshold;
        this.rootLogits = rootLogits;
    }

    /** Level-1 temperature and the weight of the linear model's decision values in the ensemble. */
    public record Calibration(double temperature, double linearWeight) {
        public static final Calibration NONE = new Calibration(1.0, 0.0);
    }

    /** Identifies the trained weights: equal for equal data, options and seed. */
    public String version() {
        return version;
    }

    public String taxonomyVersion() {
        return taxonomyVersion;
    }

    /** Level-1 names in the network's output order. */
    public List<String> roots() {
        return roots;
    }

    /** The segmenter this model was trained with; the Flink job indexes tokens with it. */
    public Segmenter segmenter() {
        return extractor.segmenter();
    }

    public double reviewThreshold() {
        return reviewThreshold;
    }

    public HotlineClassifier withReviewThreshold(double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("review threshold must be in [0, 1], got " + threshold);
        }
        return new HotlineClassifier(version, taxonomyVersion, roots, extractor, embeddingBag, tfIdf, linearSvm,
                calibration, leafScorer, threshold, rootLogits);
    }

    FeatureExtractor extractor() {
        return extractor;
    }

    EmbeddingBag embeddingBag() {
        return embeddingBag;
    }

    TfIdf tfIdf() {
        return tfIdf;
    }

    LinearSvm linearSvm() {
        return linearSvm;
    }

    Calibration calibration() {
        return calibration;
    }

    LeafScorer leafScorer() {
        return leafScorer;
    }

    @Override
    public Prediction predict(String title, String content, int topK) {
        FeatureCounts features = FeatureCounts.of(extractor.features(title, content));
        SparseVector vector = tfIdf.vector(features);
        double[] rootProbabilities = rootProbabilities(features, vector);
        List<Suggestion> suggestions = rank(rootProbabilities, vector, topK);
        boolean needsReview = rootProbabilities[argmax(rootProbabilities)] < reviewThreshold;
        return new Prediction(suggestions, needsReview);
    }

    /** Calibrated level-1 distribution, in {@link #roots()} order. */
    public double[] rootProbabilities(String title, String content) {
        FeatureCounts features = FeatureCounts.of(extractor.features(title, content));
        return rootProbabilities(features, tfIdf.vector(features));
    }

    double[] rootProbabilities(FeatureCounts features, SparseVector vector) {
        double[] bagLogits = new double[roots.size()];
        double[] decision = new double[roots.size()];
        rootLogits.score(features, vector, bagLogits, decision);
        double[] logits = logProbabilities(EmbeddingBag.softmax(bagLogits, 1.0));
        if (rootLogits.hasLinearModel()) {
            for (int k = 0; k < logits.length; k++) {
                logits[k] += calibration.linearWeight() * decision[k];
            }
        }
        return EmbeddingBag.softmax(logits, calibration.temperature());
    }

    static double[] logProbabilities(double[] probabilities) {
        double[] logs = new double[probabilities.length];
        for (int k = 0; k < logs.length; k++) {
            logs[k] = Math.log(Math.max(probabilities[k], 1e-12));
        }
        return logs;
    }

    /**
     * The best leaf under the best level-1 class, then the other leaves by joint score (ties: lower leaf index).
     * Leaves are scored one level-1 class at a time, most probable class first, and scoring stops at a class whose
     * probability is below the score the last suggestion already has: P(leaf | class) ≤ 1, so none of its leaves
     * (nor those of any less probable class) could place. The result is the same as scoring every leaf; usually
     * only the best class is scored.
     */
    private List<Suggestion> rank(double[] rootProbabilities, SparseVector vector, int topK) {
        List<List<String>> paths = leafScorer.leafPaths();
        int wanted = Math.max(1, Math.min(topK, paths.size()));
        int bestRoot = argmax(rootProbabilities);
        double[] bestGivenRoot = leafScorer.conditional(vector, bestRoot);
        int[] bestLeaves = leafScorer.leavesOf(bestRoot);
        int first = -1;
        for (int i = 0; i < bestLeaves.length; i++) {
            if (first < 0 || bestGivenRoot[i] > bestGivenRoot[first]) {
                first = i;
            }
        }
        List<Suggestion> suggestions = new ArrayList<>(wanted);
        TopLeaves rest = new TopLeaves(wanted - (first >= 0 ? 1 : 0));
        if (first >= 0) {
            double score = rootProbabilities[bestRoot] * bestGivenRoot[first];
            suggestions.add(suggestion(paths.get(bestLeaves[first]), score));
        }
        offer(rest, bestLeaves, bestGivenRoot, rootProbabilities[bestRoot], first);
        for (int root : byDescendingProbability(rootProbabilities)) {
            if (root == bestRoot) {
                continue;
            }
            if (rest.isFull() && rootProbabilities[root] < rest.lowestScore()) {
                break;
            }
            offer(rest, leafScorer.leavesOf(root), leafScorer.conditional(vector, root), rootProbabilities[root], -1);
        }
        for (int i = 0; i < rest.size(); i++) {
            suggestions.add(suggestion(paths.get(rest.leaf(i)), rest.score(i)));
        }
        return suggestions;
    }

    private static void offer(TopLeaves top, int[] leaves, double[] leafGivenRoot, double rootProbability,
                              int skip) {
        for (int i = 0; i < leaves.length; i++) {
            if (i != skip) {
                top.offer(leaves[i], rootProbability * leafGivenRoot[i]);
            }
        }
    }

    private static Integer[] byDescendingProbability(double[] probabilities) {
        Integer[] roots = new Integer[probabilities.length];
        for (int r = 0; r < roots.length; r++) {
            roots[r] = r;
        }
        Arrays.sort(roots, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        return roots;
    }

    /** The best few leaves offered so far, by score descending then leaf index ascending. */
    private static final class TopLeaves {
        private final int[] leaves;
        private final double[] scores;
        private int size;

        TopLeaves(int capacity) {
            leaves = new int[capacity];
            scores = new double[capacity];
        }

        void offer(int leaf, double score) {
            int at = size;
            while (at > 0 && ranksBefore(leaf, score, leaves[at - 1], scores[at - 1])) {
                at--;
            }
            if (at == leaves.length) {
                return;
            }
            int last = Math.min(size, leaves.length - 1);
            System.arraycopy(leaves, at, leaves, at + 1, last - at);
            System.arraycopy(scores, at, scores, at + 1, last - at);
            leaves[at] = leaf;
            scores[at] = score;
            size = Math.min(size + 1, leaves.length);
        }

        private static boolean ranksBefore(int leaf, double score, int otherLeaf, double otherScore) {
            return score > otherScore || (score == otherScore && leaf < otherLeaf);
        }

        boolean isFull() {
            return size == leaves.length;
        }

        /** The score a leaf must beat to get in once full; with no room at all, nothing gets in. */
        double lowestScore() {
            return size == 0 ? Double.POSITIVE_INFINITY : scores[size - 1];
        }

        int size() {
            return size;
        }

        int leaf(int i) {
            return leaves[i];
        }

        double score(int i) {
            return scores[i];
        }
    }

    private static Suggestion suggestion(List<String> path, double score) {
        return new Suggestion(path, Math.min(1.0, Math.max(0.0, score)));
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
