package org.hotline.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsCountsOnOneLineAndWipesItAtTheEnd() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err));

        bar.onRecord(1_234, 1_200, 34);
        String drawn = err.toString();
        bar.clear();

        assertThat(drawn).startsWith("\r").contains("read 1,234", "accepted 1,200", "dead-lettered 34", "records/s");
        assertThat(err.toString().substring(drawn.length())).matches("\r +\r");
    }
}
