package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void computesAccuracyPerClassScoresAndMacroF1() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b", "c"));
        m.add("a", "a");
        m.add("a", "a");
        m.add("a", "b");
        m.add("b", "b");
        m.add("b", "a");
        // "c" never occurs as gold: it must not drag macro-F1 down

        assertThat(m.accuracy()).isCloseTo(3.0 / 5, within(1e-12));
        ConfusionMatrix.ClassScores a = m.scores("a");
        assertThat(a.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-12));
        ConfusionMatrix.ClassScores b = m.scores("b");
        assertThat(b.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(b.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((2.0 / 3 + 0.5) / 2, within(1e-12));
    }

    @Test
    void unknownLabelsAreRejected() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a"));
        assertThatThrownBy(() -> m.add("a", "z")).hasMessageContaining("'z'");
    }
}
