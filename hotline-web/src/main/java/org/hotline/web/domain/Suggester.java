package org.hotline.web.domain;

import java.util.List;
import org.hotline.models.classifier.HotlineClassifier;
import org.hotline.models.classifier.Prediction;
import org.hotline.models.classifier.Suggestion;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;

/** The operator's live suggestions: the classifier's ranked paths with the department and SLA of each node. */
public final class Suggester {
    private final HotlineClassifier classifier;
    private final Taxonomy taxonomy;

    public Suggester(HotlineClassifier classifier, Taxonomy taxonomy) {
        this.classifier = classifier;
        this.taxonomy = taxonomy;
    }

    public Suggestions suggest(String title, String content, int topK) {
        long started = System.nanoTime();
        Prediction prediction = classifier.predict(title, content, topK);
        List<Suggestions.Node> nodes = prediction.suggestions().stream().map(this::describe).toList();
        long tookMicros = (System.nanoTime() - started) / 1000;
        return new Suggestions(nodes, prediction.needsReview(), classifier.version(), tookMicros);
    }

    /** Department and SLA are inherited down the taxonomy when it loads, so the node's own values are the ones. */
    private Suggestions.Node describe(Suggestion suggestion) {
        TaxonomyNode node = taxonomy.node(suggestion.path()).orElse(null);
        String department = node == null || node.department().isBlank() ? null : node.department();
        Integer slaDays = node == null || node.slaDays() == 0 ? null : node.slaDays();
        return new Suggestions.Node(suggestion.path(), suggestion.score(), department, slaDays);
    }
}
