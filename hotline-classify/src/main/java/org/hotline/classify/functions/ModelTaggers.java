package org.hotline.classify.functions;

import java.nio.file.Path;
import java.time.Clock;
import org.hotline.models.classifier.ClassifierModels;
import org.hotline.models.classifier.HotlineClassifier;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.taxonomy.Taxonomy;

/** Taggers backed by a trained model directory, as configured ({@code model.dir}, {@code taxonomy.file}). */
public final class ModelTaggers {
    private ModelTaggers() {}

    public static TaggerFactory forConfig(HotlineConfig config) {
        String modelDir = config.get("model.dir");
        if (modelDir.isEmpty()) {
            throw new IllegalArgumentException("model.dir is not set: train a model with `hotline train` and pass "
                    + "--set model.dir=DIR (or HOTLINE_MODEL_DIR)");
        }
        String taxonomyFile = config.get("taxonomy.file");
        int topK = config.getInt("classify.topK");
        double reviewThreshold = config.getDouble("classify.reviewThreshold");
        return () -> {
            HotlineClassifier classifier = ClassifierModels.load(Path.of(modelDir))
                    .withReviewThreshold(reviewThreshold);
            Taxonomy taxonomy = taxonomyFile.isEmpty() ? Taxonomy.loadDefault() : Taxonomy.load(Path.of(taxonomyFile));
            return new Tagger(classifier, classifier.segmenter()::tokens, taxonomy, classifier.version(), topK,
                    Clock.systemUTC());
        };
    }
}
