package org.hotline.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
    private static final Segmenter SEGMENTER = Segmenter.withWords(List.of());
    private static final FeatureConfig CONFIG = new FeatureConfig(1 << 12, true, 2, 3, true, 1024);
    private final FeatureExtractor extractor = new FeatureExtractor(SEGMENTER, CONFIG);

    @Test
    void idsAreStableAndInsideTheBuckets() {
        int[] first = extractor.features("路灯不亮", "小区门口路灯坏了很久");
        int[] second = new FeatureExtractor(Segmenter.withWords(List.of()), CONFIG)
                .features("路灯不亮", "小区门口路灯坏了很久");
        assertThat(first).isEqualTo(second);
        assertThat(Arrays.stream(first).allMatch(id -> id >= 0 && id < CONFIG.buckets())).isTrue();
    }

    @Test
    void countsWordsBigramsCharacterNgramsAndTitleWords() {
        int[] ids = extractor.features("路灯", "路灯坏了");
        List<String> title = SEGMENTER.tokens("路灯");
        List<String> content = SEGMENTER.tokens("路灯坏了");
        int words = title.size() + content.size();
        int bigrams = Math.max(0, title.size() - 1) + Math.max(0, content.size() - 1);
        int charNgrams = (1 + 0) + (3 + 2); // "路灯": one bigram; "路灯坏了": three bigrams, two trigrams
        assertThat(ids).hasSize(title.size() + words + bigrams + charNgrams);
        assertThat(ids).contains(extractor.hash('w', "路灯"), extractor.hash('t', "路灯"), extractor.hash('c', "坏了"));
    }

    @Test
    void titleWordsLiveInTheirOwnNamespace() {
        assertThat(extractor.hash('t', "路灯")).isNotEqualTo(extractor.hash('w', "路灯"));
        int[] asTitle = extractor.features("路灯", "");
        int[] asContent = extractor.features("", "路灯");
        assertThat(asTitle).isNotEqualTo(asContent);
    }

    @Test
    void capsFeaturesPerRecord() {
        FeatureExtractor capped = new FeatureExtractor(SEGMENTER, new FeatureConfig(1 << 12, true, 2, 3, true, 10));
        assertThat(capped.features("标题", "很长的内容".repeat(50))).hasSize(10);
    }

    @Test
    void emptyRecordStillHasOneFeature() {
        assertThat(extractor.features(null, "")).hasSize(1);
    }

    @Test
    void widthAndCaseVariantsHashAlike() {
        assertThat(Arrays.equals(extractor.features("ＡＢＣ１２", "Ｘ"), extractor.features("abc12", "x"))).isTrue();
    }
}
