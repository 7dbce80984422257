package org.hotline.alerts.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hotline.alerts.Synthetic;
import org.hotline.alerts.backtest.CommandLines;
import org.hotline.alerts.series.DailySeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CommandLines.create(new ForecastCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true))
                .execute(args);
    }

    /** Eight weeks from Monday 2024-01-01, weekdays around 40 and weekends around 20. */
    private Path writeSeries() throws Exception {
        DailySeries series = Synthetic.weekly(LocalDate.of(2024, 1, 1), 56, 40, 0.5, 4);
        StringBuilder csv = new StringBuilder("date,calls\n");
        for (int t = 0; t < series.size(); t++) {
            csv.append(series.date(t)).append(',').append((long) series.count(t)).append('\n');
        }
        return write("series.csv", csv.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void writesOneRowPerDayAfterTheLastWithTheWeeklyRhythm() throws Exception {
        Path forecast = dir.resolve("forecast.csv");
        int code = run("--series", writeSeries().toString(), "--count-column", "calls", "--holidays", "none",
                "--output", forecast.toString());

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(forecast);
        assertThat(lines).hasSize(1 + 7);
        assertThat(lines.get(0)).isEqualTo("date,expected,lower,upper");
        for (int h = 1; h <= 7; h++) {
            String[] row = lines.get(h).split(",");
            assertThat(row[0]).isEqualTo(LocalDate.of(2024, 2, 25).plusDays(h).toString());
            double expected = Double.parseDouble(row[1]);
            assertThat(expected).isBetween(h <= 5 ? 34.0 : 16.0, h <= 5 ? 46.0 : 24.0);
            assertThat(Long.parseLong(row[2])).isLessThan((long) expected);
            assertThat(Long.parseLong(row[3])).isGreaterThan((long) expected);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("wrote");
    }

    @Test
    void printsTheCsvWithoutOutputAndHonoursDaysAndAlpha() throws Exception {
        Path series = writeSeries();
        assertThat(run("--series", series.toString(), "--count-column", "calls", "--days", "3", "--alpha", "0.5"))
                .isZero();
        List<String> narrow = out.toString(StandardCharsets.UTF_8).lines().toList();
        out.reset();
        assertThat(run("--series", series.toString(), "--count-column", "calls", "--days", "3")).isZero();
        List<String> wide = out.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(narrow).hasSize(4).first().isEqualTo("date,expected,lower,upper");
        assertThat(width(narrow.get(1))).isLessThan(width(wide.get(1)));
    }

    private static long width(String row) {
        String[] fields = row.split(",");
        return Long.parseLong(fields[3]) - Long.parseLong(fields[2]);
    }

    @Test
    void badInputIsAOneLineErrorWithExitCodeTwo() throws Exception {
        Path series = writeSeries();
        assertThat(run("--series", series.toString(), "--count-column", "nope")).isEqualTo(2);
        assertThat(run("--series", write("empty.csv", "date,calls\n").toString(), "--count-column", "calls"))
                .isEqualTo(2);
        assertThat(run("--series", write("bad.csv", "date,calls\n2024-01-01,3\n2024-01-02,many\n").toString(),
                "--count-column", "calls")).isEqualTo(2);
        assertThat(run("--series", dir.resolve("missing.csv").toString(), "--count-column", "calls")).isEqualTo(2);
        assertThat(run("--series", series.toString(), "--count-column", "calls", "--days", "0")).isEqualTo(2);
        assertThat(run("--series", series.toString(), "--count-column", "calls", "--alpha", "1.5")).isEqualTo(2);
        assertThat(run("--series", series.toString(), "--count-column", "calls", "--holidays", "mars")).isEqualTo(2);
        assertThat(run("--series", series.toString(), "--count-column", "calls", "--days", "soon")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "forecast: column 'nope' not found; header has [date, calls]",
                "forecast: no data rows",
                "forecast: row 2: count 'many' is not a non-negative number",
                "forecast: file not found: " + dir.resolve("missing.csv"),
                "forecast: --days must be from 1 to 28, not 0",
                "forecast: --alpha must be between 0 and 1 (0.1 for a 90% interval), not 1.5",
                "forecast: unknown holiday calendar 'mars' (cn, us, none)",
                "forecast: Invalid value for option '--days': 'soon' is not an int (see --help)");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpExplainsTheMethod() {
        assertThat(run("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(help).contains("Usage: forecast", "day-of-week factors", "negative-binomial", "seasonal regression",
                "--count-column", "--alpha");
    }
}
