package org.hotline.classify.functions;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.classifier.DemandClassifier;
import org.hotline.models.classifier.Prediction;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;

/** Turns a masked intake record into a tagged one: tokens for search, ranked suggestions, responsible department. */
public final class Tagger {
    private final DemandClassifier classifier;
    private final Function<String, List<String>> tokenizer;
    private final Taxonomy taxonomy;
    private final String modelVersion;
    private final int topK;
    private final Clock clock;

    public Tagger(DemandClassifier classifier, Function<String, List<String>> tokenizer, Taxonomy taxonomy,
                  String modelVersion, int topK, Clock clock) {
        this.classifier = classifier;
        this.tokenizer = tokenizer;
        this.taxonomy = taxonomy;
        this.modelVersion = modelVersion;
        this.topK = topK;
        this.clock = clock;
    }

    public TaggedRecord tag(HotlineRecord record) {
        Prediction prediction = classifier.predict(record.title(), record.content(), topK);
        String tokens = String.join(" ", tokenizer.apply(record.text()));
        String department = prediction.suggestions().isEmpty() ? null : departmentOf(prediction.best().path());
        return new TaggedRecord(record, tokens, prediction.suggestions(), prediction.needsReview(), department,
                modelVersion, clock.instant());
    }

    /** The nearest department on the path, leaf first: a leaf may leave it to its level-2 or level-1 parent. */
    String departmentOf(List<String> path) {
        for (int level = path.size(); level > 0; level--) {
            String department = taxonomy.node(path.subList(0, level)).map(TaxonomyNode::department).orElse(null);
            if (department != null && !department.isBlank()) {
                return department;
            }
        }
        return null;
    }
}
