package org.hotline.models.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void withoutATerminalItPrintsOneLinePerTenthAndNoRepeatAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar("train", 100, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        for (int i = 1; i <= 100; i++) {
            bar.update(i);
        }
        bar.done();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).startsWith("train [###").contains("10/100").contains(" 10%");
        assertThat(lines[9]).contains("100/100 100%").doesNotContain("left");
    }

    @Test
    void unknownTotalShowsTheCount() {
        ProgressBar bar = new ProgressBar("read", 0, new PrintStream(new ByteArrayOutputStream()), false);
        bar.update(1234);
        assertThat(bar.render(System.nanoTime())).startsWith("read 1,234 · ").doesNotContain("/s");
    }

    @Test
    void formatsDurations() {
        assertThat(ProgressBar.formatSeconds(42)).isEqualTo("42s");
        assertThat(ProgressBar.formatSeconds(125)).isEqualTo("2m05s");
        assertThat(ProgressBar.formatSeconds(3725)).isEqualTo("1h02m");
    }
}
