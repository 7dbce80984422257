package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServicesCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new ServicesCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void statusOfAnEmptyWorkDirIsNotRunning(@TempDir Path workDir) {
        int exit = run("status", "--work-dir", workDir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly("kafka          not running",
                "elasticsearch  not running");
    }

    @Test
    void stopWithNothingRunningSaysSo(@TempDir Path workDir) {
        int exit = run("stop", "--work-dir", workDir.toString());

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).containsExactly("elasticsearch: not running", "kafka: not running");
    }

    @Test
    void startOnATakenPortIsAUsageErrorOnOneLine(@TempDir Path workDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("start", "--work-dir", workDir.toString(), "--kafka-port", "" + taken.getLocalPort());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).contains("hotline services start: Kafka cannot use port "
                    + taken.getLocalPort());
            assertThat(err.toString()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void helpDocumentsEveryOptionWithItsDefault() {
        int exit = run("start", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--kafka-port=PORT", "(default: 9092)", "--es-port=PORT",
                "(default: 9200)", "--work-dir=DIR", "work/services");
    }
}
