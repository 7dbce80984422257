package org.hotline.alerts.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.detect.Decision;
import org.hotline.alerts.detect.Detector;
import org.hotline.alerts.detect.Detectors;
import org.hotline.alerts.detect.RegressionScanDetector;
import org.hotline.alerts.series.DailySeries;
import org.hotline.models.console.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs an early-warning detector over a daily count series, one decision per day using only the days up"
                    + " to it (no look-ahead), and writes the alarms.",
            "With --inject, plants synthetic outbreaks of known start, length and size and prints the probability"
                    + " of detection (an outbreak is detected when an alarm falls on one of its days), false alarms"
                    + " per 100 series-days outside outbreaks, and the median delay in days (0 = alarm on the first"
                    + " outbreak day). --detector all runs every detector on the same injections and prints a table.",
            "",
            "--inject SPEC is key=value pairs separated by commas (all optional):",
            "  count=20    outbreaks per series and replicate (one per equal slot)",
            "  sd=3        size in baseline SDs",
            "  size=total  total: sd is the whole outbreak, spread evenly over its",
            "              days; daily: every outbreak day gets sd SDs",
            "  days=1-7    outbreak length in days, drawn uniformly from the range",
            "  seed=42     random seed; same seed, same outbreaks",
            "  reps=1      replicates (fresh outbreaks) per series",
            "  sdref=raw28 baseline SD: raw28 = SD of the 28 daily counts before",
            "              the start; weekday28 = SD of those days around each",
            "              weekday's own mean (stricter: smaller outbreaks)",
            "Example: --detector all --inject count=20,sd=3,days=1-7,seed=42,reps=5"
        })
public final class BacktestCommand implements Callable<Integer> {

    @Option(names = "--series", required = true, paramLabel = "FILE",
            description = "Daily CSV with a header row; days missing from the file count as 0.")
    Path seriesFile;

    @Option(names = "--date-column", defaultValue = "date", paramLabel = "COL",
            description = "Column holding ISO dates (YYYY-MM-DD). Default: ${DEFAULT-VALUE}.")
    String dateColumn;

    @Option(names = "--count-column", required = true, split = ",", paramLabel = "COL",
            description = "Column(s) holding the daily counts; several (comma-separated) are pooled with --inject.")
    List<String> countColumns;

    @Option(names = "--detector", defaultValue = "default", paramLabel = "NAME",
            description = "ears-c1, ears-c2, ears-c3, farrington, default, or all. Default: ${DEFAULT-VALUE}.")
    String detectorName;

    @Option(names = "--output", paramLabel = "ALARMS.csv",
            description = "Write date,alarm,observed,expected,upper per day after the warm-up (with --inject: on the"
                    + " first injected replicate; with --detector all or several columns, detector/series columns"
                    + " come first).")
    Path output;

    @Option(names = "--inject", paramLabel = "SPEC", description = "Plant synthetic outbreaks and print metrics (see above).")
    String injectSpec;

    @Option(names = "--holidays", defaultValue = "cn", paramLabel = "CAL",
            description = "Holiday calendar for the default detector's regression: cn, us or none."
                    + " Default: ${DEFAULT-VALUE}.")
    String holidays;

    @Option(names = "--threshold", defaultValue = "" + RegressionScanDetector.DEFAULT_THRESHOLD, paramLabel = "Z",
            description = "Alarm threshold (z) of the default detector. Default: ${DEFAULT-VALUE}.")
    double threshold;

    @Option(names = "--eval-from", paramLabel = "DATE",
            description = "With --inject: evaluate (plant outbreaks, count false alarms) only from this date on.")
    LocalDate evalFrom;

    @Option(names = "--eval-to", paramLabel = "DATE", description = "With --inject: evaluate only up to this date.")
    LocalDate evalTo;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "Worker threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    private final PrintStream out;
    private final PrintStream err;

    public BacktestCommand() {
        this(System.out, System.err);
    }

    BacktestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(org.hotline.alerts.backtest.CommandLines.create(new BacktestCommand()).execute(args));
    }

    @Override
    public Integer call() {
        return CommandLines.run("backtest", err, () -> {
            List<DailySeries> series = readSeries();
            List<Detector> detectors = detectors();
            if (injectSpec != null) {
                inject(series, detectors, InjectionSpec.parse(injectSpec));
            } else if (output == null) {
                printSummary(series, detectors);
            }
            if (output != null) {
                writeAlarms(series, detectors, injectSpec == null ? null : InjectionSpec.parse(injectSpec));
            }
            return 0;
        });
    }

    private List<DailySeries> readSeries() throws IOException {
        List<DailySeries> series = new ArrayList<>();
        for (String column : countColumns) {
            series.add(CommandLines.readSeries("backtest", err, seriesFile, dateColumn, column));
        }
        return series;
    }

    private List<Detector> detectors() {
        HolidayCalendar calendar = HolidayCalendar.named(holidays);
        List<String> names = detectorName.equals("all") ? Detectors.NAMES : List.of(detectorName);
        List<Detector> detectors = new ArrayList<>();
        for (String name : names) {
            detectors.add(name.equals("default") ? new RegressionScanDetector(calendar, threshold)
                    : Detectors.named(name, calendar));
        }
        return detectors;
    }

    private void inject(List<DailySeries> series, List<Detector> detectors, InjectionSpec spec) {
        int runs = Backtest.runCount(series, spec);
        ProgressBar progress = new ProgressBar("backtest", runs, err);
        Map<String, InjectionMetrics> metrics = Backtest.compare(series, detectors, spec, evalFrom, evalTo, threads,
                progress::update);
        progress.done();
        out.println("injected: " + spec + " into " + String.join(",", countColumns) + " (" + runs + " runs)");
        for (DailySeries one : series) {
            Backtest.Range range = Backtest.evaluationRange(one, evalFrom, evalTo);
            out.println("evaluated days: " + one.key() + " " + one.date(range.from()) + " .. " + one.date(range.to()));
        }
        out.println("at each detector's own threshold:");
        out.print(MetricsTable.render(metrics, spec.minDays(), spec.maxDays()));
        if (detectors.size() > 1) {
            out.print(MetricsTable.renderMatched(metrics, "default", spec.minDays(), spec.maxDays()));
        }
    }

    private void printSummary(List<DailySeries> series, List<Detector> detectors) {
        for (DailySeries one : series) {
            for (Detector detector : detectors) {
                List<Decision> decisions = detector.scoreAll(one);
                long alarms = decisions.stream().filter(Decision::alarm).count();
                out.printf(Locale.ROOT, "%s %s: %d alarms in %d days (%.2f per 100 days)%n", one.key(), detector.name(),
                        alarms, decisions.size(), 100.0 * alarms / Math.max(1, decisions.size()));
            }
        }
    }

    private void writeAlarms(List<DailySeries> series, List<Detector> detectors, InjectionSpec spec) throws IOException {
        boolean detectorColumn = detectors.size() > 1;
        boolean seriesColumn = series.size() > 1;
        try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write((detectorColumn ? "detector," : "") + (seriesColumn ? "series," : "")
                    + "date,alarm,observed,expected,upper\n");
            for (int s = 0; s < series.size(); s++) {
                DailySeries one = series.get(s);
                if (spec != null) {
                    Backtest.Range range = Backtest.evaluationRange(one, evalFrom, evalTo);
                    one = OutbreakInjector.inject(one, spec, range.from(), range.to(),
                            spec.seed() * 1_000_003L + s * 7919L).series();
                }
                for (Detector detector : detectors) {
                    for (Decision decision : detector.scoreAll(one)) {
                        writer.write((detectorColumn ? detector.name() + "," : "")
                                + (seriesColumn ? countColumns.get(s) + "," : "") + AlarmRow.format(decision) + "\n");
                    }
                }
            }
        }
        err.println("backtest: wrote " + output);
    }
}
