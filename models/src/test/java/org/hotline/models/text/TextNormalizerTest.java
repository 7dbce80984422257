package org.hotline.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    @Test
    void foldsFullWidthAsciiAndUpperCase() {
        assertThat(TextNormalizer.normalize("Ａ市１２３４５热线ABC")).isEqualTo("a市12345热线abc");
    }

    @Test
    void collapsesWhitespaceIncludingIdeographicSpaces() {
        assertThat(TextNormalizer.normalize("  路灯\u3000\u3000不亮 \n\t 了 ")).isEqualTo("路灯 不亮 了");
    }

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
        assertThat(TextNormalizer.normalize("")).isEmpty();
    }

    @Test
    void foldsFullWidthPunctuationButKeepsIdeographicStops() {
        assertThat(TextNormalizer.normalize("你好，世界。")).isEqualTo("你好,世界。");
    }
}
