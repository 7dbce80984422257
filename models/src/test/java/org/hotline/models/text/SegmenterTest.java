package org.hotline.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {
    private static final Segmenter PLAIN = Segmenter.withWords(List.of());

    @Test
    void keepsHotlineVocabularyWhole() {
        assertThat(PLAIN.tokens("楼下有人占道经营，还拖欠工资")).contains("占道经营", "拖欠工资");
    }

    @Test
    void extraWordsSuchAsPlaceNamesBecomeSingleTokens() {
        String text = "鹭汀湾社区门口的路灯坏了";
        assertThat(PLAIN.tokens(text)).doesNotContain("鹭汀湾社区");
        Segmenter withPlaces = Segmenter.withWords(List.of("鹭汀湾社区"));
        assertThat(withPlaces.tokens(text)).startsWith("鹭汀湾社区");
        assertThat(withPlaces.extraWords()).containsExactly("鹭汀湾社区");
    }

    @Test
    void dropsPunctuationAndWhitespaceAndNormalizesWidth() {
        List<String> tokens = PLAIN.tokens("Ａ市，  路灯！！不亮。");
        assertThat(tokens).noneMatch(t -> t.isBlank() || t.equals("，") || t.equals("！") || t.equals("。"));
        assertThat(String.join("", tokens)).isEqualTo("a市路灯不亮");
    }

    @Test
    void emptyTextHasNoTokens() {
        assertThat(PLAIN.tokens("")).isEmpty();
        assertThat(PLAIN.tokens(null)).isEmpty();
    }

    @Test
    void shippedVocabularyIsLoaded() {
        assertThat(Segmenter.hotlineVocabulary()).contains("占道经营", "新农合").noneMatch(w -> w.startsWith("#"));
    }
}
