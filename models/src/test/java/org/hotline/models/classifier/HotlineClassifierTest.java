package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.hotline.models.text.FeatureConfig;
import org.hotline.models.text.FeatureExtractor;
import org.hotline.models.text.Segmenter;
import org.junit.jupiter.api.Test;

class HotlineClassifierTest {
    private static final int BUCKETS = 512;
    /** Leaves of four level-1 classes, interleaved; class 1 has one leaf (P(leaf | class) = 1), class 2 none. */
    private static final int[] LEAF_ROOT = {0, 3, 1, 0, 3, 3, 0, 3, 3};
    private static final String CHARACTERS = "路灯坏了小区物业噪音扰民工资拖欠医保报销学校收费公交站占道经营";

    @Test
    void rankingOneClassAtATimeGivesWhatScoringEveryLeafGives() {
        Random random = new Random(9);
        HotlineClassifier classifier = randomClassifier(random);
        for (int record = 0; record < 300; record++) {
            String content = randomText(random);
            for (int topK = 1; topK <= LEAF_ROOT.length + 1; topK++) {
                List<Suggestion> expected = rankEveryLeaf(classifier, content, topK);
                assertThat(classifier.predict("", content, topK).suggestions()).as(content + " top " + topK)
                        .isEqualTo(expected);
            }
        }
    }

    /** The ranking as it was before pruning: score every leaf, then pick. */
    private static List<Suggestion> rankEveryLeaf(HotlineClassifier classifier, String content, int topK) {
        FeatureCounts features = FeatureCounts.of(classifier.extractor().features("", content));
        SparseVector vector = classifier.tfIdf().vector(features);
        double[] rootProbabilities = classifier.rootProbabilities(features, vector);
        LeafScorer scorer = classifier.leafScorer();
        int leaves = LEAF_ROOT.length;
        double[] leafGivenRoot = new double[leaves];
        for (int root = 0; root < rootProbabilities.length; root++) {
            double[] conditional = scorer.conditional(vector, root);
            int[] rootLeaves = scorer.leavesOf(root);
            for (int i = 0; i < rootLeaves.length; i++) {
                leafGivenRoot[rootLeaves[i]] = conditional[i];
            }
        }
        int bestRoot = HotlineClassifier.argmax(rootProbabilities);
        double[] joint = new double[leaves];
        int first = -1;
        for (int leaf = 0; leaf < leaves; leaf++) {
            joint[leaf] = rootProbabilities[LEAF_ROOT[leaf]] * leafGivenRoot[leaf];
            if (LEAF_ROOT[leaf] == bestRoot && (first < 0 || leafGivenRoot[leaf] > leafGivenRoot[first])) {
                first = leaf;
            }
        }
        int wanted = Math.max(1, Math.min(topK, leaves));
        List<Suggestion> suggestions = new ArrayList<>();
        boolean[] taken = new boolean[leaves];
        if (first >= 0) {
            suggestions.add(new Suggestion(scorer.leafPaths().get(first), joint[first]));
            taken[first] = true;
        }
        while (suggestions.size() < wanted) {
            int next = -1;
            for (int leaf = 0; leaf < leaves; leaf++) {
                if (!taken[leaf] && (next < 0 || joint[leaf] > joint[next])) {
                    next = leaf;
                }
            }
            taken[next] = true;
            suggestions.add(new Suggestion(scorer.leafPaths().get(next), joint[next]));
        }
        return suggestions;
    }

    private static HotlineClassifier randomClassifier(Random random) {
        int classes = 4;
        int dimension = 8;
        EmbeddingBag bag = new EmbeddingBag(BUCKETS, dimension, classes, gaussians(random, BUCKETS * dimension),
                gaussians(random, dimension * classes), gaussians(random, classes));
        float[] idf = new float[BUCKETS];
        for (int f = 0; f < BUCKETS; f++) {
            idf[f] = 1 + random.nextFloat() * 3;
        }
        LinearSvm svm = new LinearSvm(classes, BUCKETS, gaussians(random, (BUCKETS + 1) * classes));
        List<List<String>> paths = new ArrayList<>();
        List<SparseVector> prototypes = new ArrayList<>();
        for (int leaf = 0; leaf < LEAF_ROOT.length; leaf++) {
            paths.add(List.of("root" + LEAF_ROOT[leaf], "leaf" + leaf));
            prototypes.add(randomPrototype(random));
        }
        LeafScorer leafScorer = LeafScorer.fromPrototypes(paths, LEAF_ROOT, classes, 3.0, prototypes, BUCKETS);
        FeatureExtractor extractor = new FeatureExtractor(Segmenter.withWords(List.of()),
                FeatureConfig.defaults().withBuckets(BUCKETS));
        return new HotlineClassifier("test", "test", List.of("r0", "r1", "r2", "r3"), extractor, bag,
                new TfIdf(idf), svm, new HotlineClassifier.Calibration(1.5, 0.5), leafScorer, 0.5);
    }

    private static SparseVector randomPrototype(Random random) {
        TreeSet<Integer> ids = new TreeSet<>();
        while (ids.size() < 60) {
            ids.add(random.nextInt(BUCKETS));
        }
        float[] values = new float[ids.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextFloat();
        }
        return new SparseVector(ids.stream().mapToInt(Integer::intValue).toArray(), values);
    }

    private static float[] gaussians(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (0.3 * random.nextGaussian());
        }
        return values;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 2 + random.nextInt(30);
        for (int i = 0; i < length; i++) {
            text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
        }
        return text.toString();
    }
}
