package org.hotline.alerts.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BacktestCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new BacktestCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    private Path writeSeries(int days) throws Exception {
        DailySeries series = Synthetic.weekly(LocalDate.of(2020, 1, 6), days, 30, 0.6, 21);
        StringBuilder csv = new StringBuilder("date,calls\n");
        for (int t = 0; t < series.size(); t++) {
            csv.append(series.date(t)).append(',').append((long) series.count(t)).append('\n');
        }
        Path file = dir.resolve("series.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void writesOneRowPerDayAfterTheWarmUp() throws Exception {
        Path series = writeSeries(60);
        Path alarms = dir.resolve("alarms.csv");
        int code = run("--series", series.toString(), "--date-column", "date", "--count-column", "calls",
                "--detector", "ears-c2", "--output", alarms.toString());
        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(alarms);
        assertThat(lines.get(0)).isEqualTo("date,alarm,observed,expected,upper");
        assertThat(lines).hasSize(1 + 60 - 9);
        assertThat(lines.get(1)).startsWith("2020-01-15,");
        assertThat(lines.get(1).split(",")).hasSize(5);
    }

    @Test
    void badInputIsAOneLineErrorWithExitCodeTwo() throws Exception {
        Path series = writeSeries(30);
        assertThat(run("--series", series.toString(), "--count-column", "nope")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("column 'nope' not found").doesNotContain("Exception");
        assertThat(run("--series", dir.resolve("missing.csv").toString(), "--count-column", "calls")).isEqualTo(2);
        assertThat(run("--series", series.toString(), "--count-column", "calls", "--detector", "magic")).isEqualTo(2);
        assertThat(run("--series", series.toString(), "--count-column", "calls", "--inject", "size=3")).isEqualTo(2);
    }

    @Test
    void injectionPrintsTheComparisonTable() throws Exception {
        Path series = writeSeries(800);
        int code = run("--series", series.toString(), "--count-column", "calls", "--detector", "all", "--holidays",
                "none", "--inject", "count=5,sd=6,days=1-3,seed=3");
        assertThat(code).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("ears-c1", "ears-c2", "ears-c3", "farrington", "default", "POD", "FA/100d");
        assertThat(table).contains("re-thresholded to default's false-alarm rate");
    }
}
