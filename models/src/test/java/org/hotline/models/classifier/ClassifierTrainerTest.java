package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyException;
import org.hotline.models.taxonomy.TaxonomyNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassifierTrainerTest {
    private static final Taxonomy TAXONOMY = TinyCorpus.taxonomy();
    private static HotlineClassifier levelOneModel;
    private static HotlineClassifier leafModel;

    @BeforeAll
    static void train() {
        levelOneModel = ClassifierTrainer.train(TinyCorpus.records(180, 1, false), TAXONOMY, TinyCorpus.options());
        leafModel = ClassifierTrainer.train(TinyCorpus.records(180, 1, true), TAXONOMY, TinyCorpus.options());
    }

    @Test
    void learnsLevelOneFromLevelOneLabels() {
        Evaluation evaluation = Evaluation.run(levelOneModel, TinyCorpus.records(60, 2, false), 3);
        assertThat(evaluation.confusion(1).accuracy()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void learnsLeavesWhenRecordsCarryLeafLabels() {
        Evaluation evaluation = Evaluation.run(leafModel, TinyCorpus.records(60, 3, true), 3);
        assertThat(evaluation.hitRate(1)).isGreaterThanOrEqualTo(0.8);
        assertThat(evaluation.hitRate(3)).isGreaterThanOrEqualTo(evaluation.hitRate(1));
    }

    @Test
    void firstSuggestionAgreesWithTheLevelOneDecisionAndAllPathsAreLeaves() {
        List<List<String>> leafPaths = TAXONOMY.leaves().stream().map(TaxonomyNode::path).toList();
        for (HotlineRecord record : TinyCorpus.records(30, 4, false)) {
            Prediction prediction = levelOneModel.predict(record.title(), record.content(), 4);
            double[] roots = levelOneModel.rootProbabilities(record.title(), record.content());
            String decision = levelOneModel.roots().get(HotlineClassifier.argmax(roots));

            assertThat(prediction.suggestions()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(prediction.best().path().get(0)).isEqualTo(decision);
            assertThat(prediction.suggestions()).allSatisfy(s -> {
                assertThat(leafPaths).contains(s.path());
                assertThat(s.score()).isBetween(0.0, 1.0);
            });
        }
    }

    @Test
    void askingForMoreSuggestionsThanLeavesReturnsEveryLeafOnce() {
        Prediction prediction = levelOneModel.predict("路面坑洼", "路面破损", 50);
        assertThat(prediction.suggestions()).hasSize(TAXONOMY.leaves().size());
        assertThat(prediction.suggestions().stream().map(Suggestion::path).distinct()).hasSize(6);
    }

    @Test
    void levelOneScoresAreADistribution() {
        double[] roots = levelOneModel.rootProbabilities("公交站点", "公交班次太少");
        assertThat(roots).hasSize(3);
        assertThat(Arrays.stream(roots).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void reviewFlagFollowsTheThreshold() {
        HotlineRecord record = TinyCorpus.records(1, 5, false).get(0);
        assertThat(levelOneModel.withReviewThreshold(1.0).predict(record.title(), record.content(), 3)
                .needsReview()).isTrue();
        assertThat(levelOneModel.withReviewThreshold(0.0).predict(record.title(), record.content(), 3)
                .needsReview()).isFalse();
    }

    @Test
    void sameDataAndSeedGiveTheSameModel() {
        HotlineClassifier again =
                ClassifierTrainer.train(TinyCorpus.records(180, 1, false), TAXONOMY, TinyCorpus.options());
        assertThat(again.version()).isEqualTo(levelOneModel.version());
        HotlineRecord record = TinyCorpus.records(1, 6, false).get(0);
        assertThat(again.predict(record.title(), record.content(), 3))
                .isEqualTo(levelOneModel.predict(record.title(), record.content(), 3));
    }

    @Test
    void rejectsLabelsOutsideTheTaxonomy() {
        List<HotlineRecord> records = List.of(TinyCorpus.records(1, 7, false).get(0).withLabels(List.of("不存在")));
        assertThatThrownBy(() -> ClassifierTrainer.train(records, TAXONOMY, TinyCorpus.options()))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("不存在");
    }

    @Test
    void rejectsDataWithoutLabels() {
        List<HotlineRecord> records = List.of(TinyCorpus.records(1, 8, false).get(0).withLabels(List.of()));
        assertThatThrownBy(() -> ClassifierTrainer.train(records, TAXONOMY, TinyCorpus.options()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no training record");
    }
}
