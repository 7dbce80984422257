package org.hotline.models.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.models.text.FeatureExtractor;

/**
 * The TF-IDF + linear SVM baseline on its own: level-1 suggestions only, ranked by decision value, scores a
 * softmax of the decision values. Reported beside the main model so every number has a reference point.
 */
public final class LinearBaseline implements DemandClassifier {
    private final List<String> roots;
    private final FeatureExtractor extractor;
    private final TfIdf tfIdf;
    private final LinearSvm svm;

    LinearBaseline(List<String> roots, FeatureExtractor extractor, TfIdf tfIdf, LinearSvm svm) {
        this.roots = List.copyOf(roots);
        this.extractor = extractor;
        this.tfIdf = tfIdf;
        this.svm = svm;
    }

    @Override
    public Prediction predict(String title, String content, int topK) {
        double[] decision = svm.decision(tfIdf.vector(extractor.features(title, content)));
        double[] scores = EmbeddingBag.softmax(decision, 1.0);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < roots.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingDouble((Integer k) -> -decision[k]).thenComparingInt(k -> k));
        List<Suggestion> suggestions = new ArrayList<>();
        for (int k : order.subList(0, Math.min(Math.max(1, topK), order.size()))) {
            suggestions.add(new Suggestion(List.of(roots.get(k)), scores[k]));
        }
        return new Prediction(suggestions, false);
    }
}
