package org.hotline.alerts.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanEvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void measuresPlantedAndNullRunsOnSmallFiles() throws Exception {
        StringBuilder panel = new StringBuilder("nta,month,complaints_per_1000_residents,nta_population,approx_count\n");
        for (int a = 0; a < 30; a++) {
            panel.append("A").append(a).append(",2012-03,1.0,1000,").append(50 + 10 * (a % 5)).append('\n');
        }
        panel.append("PARK,2012-03,0,0,\n"); // unpopulated: empty count
        StringBuilder daily = new StringBuilder("date,total\n");
        for (int d = 1; d <= 31; d++) {
            daily.append(LocalDate.of(2012, 3, d)).append(',').append(d % 7 < 5 ? 100 : 60).append('\n');
        }
        Files.writeString(dir.resolve("panel.csv"), panel);
        Files.writeString(dir.resolve("daily.csv"), daily);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new CommandLine(new ScanEvalCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).execute(
                "--panel", dir.resolve("panel.csv").toString(), "--daily", dir.resolve("daily.csv").toString(),
                "--background", "300", "--runs", "4", "--replications", "99");
        assertThat(code).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("planted clusters found: 4 / 4").contains("null runs with p >= 0.05:");
    }

    @Test
    void missingFileIsExitCodeTwo() {
        int code = new CommandLine(new ScanEvalCommand(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()))).execute("--panel", dir.resolve("none.csv").toString());
        assertThat(code).isEqualTo(2);
    }
}
