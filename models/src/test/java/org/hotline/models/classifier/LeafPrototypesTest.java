package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.hotline.models.taxonomy.TaxonomyNode;
import org.hotline.models.text.FeatureConfig;
import org.hotline.models.text.FeatureExtractor;
import org.hotline.models.text.Segmenter;
import org.hotline.models.text.TextNormalizer;
import org.junit.jupiter.api.Test;

class LeafPrototypesTest {
    private static final FeatureExtractor EXTRACTOR =
            new FeatureExtractor(Segmenter.withWords(List.of()), FeatureConfig.defaults().withBuckets(1 << 14));
    private static final List<TaxonomyNode> LEAVES = List.of(
            new TaxonomyNode(List.of("环境保护", "环境污染", "噪声污染"), "", List.of("噪音"), "", 5),
            new TaxonomyNode(List.of("环境保护", "环境污染", "水污染"), "", List.of("污水"), "", 5));
    private static final int[] LEAF_ROOT = {0, 0};

    @Test
    void unlabelledMessagesMentioningALeafTeachItTheirVocabulary() {
        String message = "楼下酒吧噪音很大，凌晨还在营业";
        LeafPrototypes.CorpusDocument document = document(message, -1);
        TfIdf tfIdf = TfIdf.fit(List.of(document.features()), EXTRACTOR.config().buckets());

        List<SparseVector> withCorpus = prototypes(tfIdf, List.of(document), List.of());
        List<SparseVector> withoutCorpus = prototypes(tfIdf, List.of(), List.of());

        int bar = EXTRACTOR.features("", "酒吧")[0]; // a word only the message has
        assertThat(contains(withCorpus.get(0), bar)).isTrue();
        assertThat(contains(withoutCorpus.get(0), bar)).isFalse();
        assertThat(contains(withCorpus.get(1), bar)).as("the other leaf is not mentioned").isFalse();
    }

    @Test
    void messagesOfAnotherLevelOneClassAreNotUsed() {
        LeafPrototypes.CorpusDocument document = document("施工噪音扰民，酒吧也吵", 1);
        TfIdf tfIdf = TfIdf.fit(List.of(document.features()), EXTRACTOR.config().buckets());
        int bar = EXTRACTOR.features("", "酒吧")[0];
        assertThat(contains(prototypes(tfIdf, List.of(document), List.of()).get(0), bar)).isFalse();
    }

    @Test
    void leafLabelledRecordsShapeTheirLeafPrototype() {
        int[] features = EXTRACTOR.features("河道发臭", "工厂夜间偷排");
        TfIdf tfIdf = TfIdf.fit(List.of(features), EXTRACTOR.config().buckets());
        List<SparseVector> prototypes =
                prototypes(tfIdf, List.of(), List.of(new LeafPrototypes.LeafExample(1, features)));
        int stealthDischarge = EXTRACTOR.features("", "偷排")[0];
        assertThat(contains(prototypes.get(1), stealthDischarge)).isTrue();
        assertThat(contains(prototypes.get(0), stealthDischarge)).isFalse();
    }

    private static LeafPrototypes.CorpusDocument document(String text, int root) {
        return new LeafPrototypes.CorpusDocument(TextNormalizer.normalize(text), EXTRACTOR.features("", text), root);
    }

    private static List<SparseVector> prototypes(TfIdf tfIdf, List<LeafPrototypes.CorpusDocument> corpus,
                                                 List<LeafPrototypes.LeafExample> examples) {
        return new LeafPrototypes(EXTRACTOR, tfIdf, LeafPrototypes.Weights.defaults())
                .build(LEAVES, LEAF_ROOT, corpus, examples);
    }

    private static boolean contains(SparseVector vector, int id) {
        return Arrays.binarySearch(vector.ids(), id) >= 0;
    }
}
