package org.hotline.web;

import java.util.List;
import org.hotline.models.classifier.ClassifierTrainer;
import org.hotline.models.classifier.HotlineClassifier;
import org.hotline.models.classifier.TrainOptions;
import org.hotline.models.sample.SyntheticDemands;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.web.domain.Suggester;

/** A classifier trained in a few seconds on synthetic demands: enough to rank, not to be right. */
public final class TinyModel {
    private static HotlineClassifier classifier;

    private TinyModel() {}

    public static synchronized HotlineClassifier classifier() {
        if (classifier == null) {
            SyntheticDemands demands = SyntheticDemands.withDefaults(3);
            classifier = ClassifierTrainer.train(demands.generate(400), demands.taxonomy(), TrainOptions.quick());
        }
        return classifier;
    }

    public static Suggester suggester() {
        return new Suggester(classifier(), Taxonomy.loadDefault());
    }

    public static List<String> tokens(String text) {
        return classifier().segmenter().tokens(text);
    }
}
