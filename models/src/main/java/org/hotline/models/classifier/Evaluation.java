package org.hotline.models.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hotline.models.records.HotlineRecord;

/**
 * Scores a classifier on labelled records: for every level the gold labels reach, accuracy, macro-F1, per-class
 * P/R/F1 and the confusion matrix of the level-d prefix of the first suggestion; plus top-1/top-k hit rates of the
 * full gold path (a hit when a suggestion starts with it).
 */
public final class Evaluation {
    private final List<List<String>> gold = new ArrayList<>();
    private final List<List<List<String>>> suggested = new ArrayList<>();
    private final List<Boolean> review = new ArrayList<>();

    /** Predicts every labelled record (unlabelled ones are skipped). */
    public static Evaluation run(DemandClassifier classifier, List<HotlineRecord> records, int topK) {
        Evaluation evaluation = new Evaluation();
        for (HotlineRecord record : records) {
            if (!record.labels().isEmpty()) {
                Prediction prediction = classifier.predict(record.title(), record.content(), topK);
                evaluation.add(record.labels(), prediction);
            }
        }
        return evaluation;
    }

    public void add(List<String> goldPath, Prediction prediction) {
        gold.add(List.copyOf(goldPath));
        suggested.add(prediction.suggestions().stream().map(Suggestion::path).toList());
        review.add(prediction.needsReview());
    }

    public void addAll(Evaluation other) {
        gold.addAll(other.gold);
        suggested.addAll(other.suggested);
        review.addAll(other.review);
    }

    public int size() {
        return gold.size();
    }

    /** Deepest level any gold label reaches. */
    public int maxGoldDepth() {
        return gold.stream().mapToInt(List::size).max().orElse(0);
    }

    /** Confusion of level-{@code level} prefixes over the records whose gold reaches that level. */
    public ConfusionMatrix confusion(int level) {
        TreeSet<String> labels = new TreeSet<>();
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).size() < level) {
                continue;
            }
            String g = prefix(gold.get(i), level);
            List<String> best = suggested.get(i).isEmpty() ? List.of() : suggested.get(i).get(0);
            String p = best.size() < level ? "(none)" : prefix(best, level);
            labels.add(g);
            labels.add(p);
            pairs.add(new String[] {g, p});
        }
        ConfusionMatrix matrix = new ConfusionMatrix(List.copyOf(labels));
        for (String[] pair : pairs) {
            matrix.add(pair[0], pair[1]);
        }
        return matrix;
    }

    /** Share of records whose full gold path starts one of the first {@code k} suggestions. */
    public double hitRate(int k) {
        int hits = 0;
        for (int i = 0; i < gold.size(); i++) {
            List<String> path = gold.get(i);
            List<List<String>> top = suggested.get(i).subList(0, Math.min(k, suggested.get(i).size()));
            if (top.stream().anyMatch(s -> s.size() >= path.size() && s.subList(0, path.size()).equals(path))) {
                hits++;
            }
        }
        return gold.isEmpty() ? 0 : (double) hits / gold.size();
    }

    /** Share of records flagged for review. */
    public double reviewRate() {
        return review.isEmpty() ? 0 : review.stream().filter(b -> b).count() / (double) review.size();
    }

    /** Level-1 accuracy among the records not flagged for review (what one-click acceptance would get). */
    public double acceptedLevel1Accuracy() {
        int correct = 0;
        int n = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (!review.get(i) && !suggested.get(i).isEmpty()) {
                n++;
                if (suggested.get(i).get(0).get(0).equals(gold.get(i).get(0))) {
                    correct++;
                }
            }
        }
        return n == 0 ? 0 : (double) correct / n;
    }

    private static String prefix(List<String> path, int level) {
        return String.join(" > ", path.subList(0, level));
    }
}
