package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @Test
    void keepsTheLastLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("engine.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.lastLines(log, 3).lines()).containsExactly("line 98", "line 99", "line 100");
    }

    @Test
    void aShortLogIsShownWhole(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("engine.log");
        Files.writeString(log, "only line");

        assertThat(LogTail.lastLines(log, 30)).isEqualTo("only line");
    }

    @Test
    void saysWhenThereIsNoLog(@TempDir Path dir) {
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 5)).startsWith("(no log at ");
    }

    @Test
    void leavesOutStackFrames(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("engine.log");
        Files.writeString(log, "starting\nException in thread \"main\" java.lang.RuntimeException: bad cluster id\n"
                + "\tat kafka.tools.StorageTool$.main(StorageTool.scala:46)\n\tat kafka.tools.StorageTool.main(Unknown)\n");

        assertThat(LogTail.lastLines(log, 2).lines()).containsExactly("starting",
                "Exception in thread \"main\" java.lang.RuntimeException: bad cluster id");
    }
}
