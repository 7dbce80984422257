package org.hotline.alerts.forecast;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hotline.alerts.backtest.CommandLines;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.series.DailySeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Forecasts the days after a daily series' last day: the expected count and a (1 − alpha) prediction"
                    + " interval per day, written as date,expected,lower,upper.",
            "A year + 28 days of history: seasonal regression × the last 28 days' level, intervals from its past"
                    + " errors; from two weeks: that level × day-of-week factors (shrunk toward 1 when counts are"
                    + " few), negative-binomial intervals; under two weeks: the 28-day mean. See docs/alerts.md.",
            "",
            "Example: --series calls.csv --count-column total --days 7 --holidays cn --output forecast.csv"
        })
public final class ForecastCommand implements Callable<Integer> {
    /** Four weeks: beyond that a level from the last 28 days says little. */
    static final int MAX_DAYS = 28;

    @Option(names = "--series", required = true, paramLabel = "FILE",
            description = "Daily CSV with a header row; days missing from the file count as 0.")
    Path seriesFile;

    @Option(names = "--date-column", defaultValue = "date", paramLabel = "COL",
            description = "Column holding ISO dates (YYYY-MM-DD). Default: ${DEFAULT-VALUE}.")
    String dateColumn;

    @Option(names = "--count-column", required = true, paramLabel = "COL",
            description = "Column holding the daily counts.")
    String countColumn;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N",
            description = "Days to forecast after the last one, 1–" + ForecastCommand.MAX_DAYS
                    + ". Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--alpha", defaultValue = "0.1", paramLabel = "A",
            description = "The interval holds 1 − A of the outcomes, 0 < A < 1. Default: ${DEFAULT-VALUE} (90%%).")
    double alpha;

    @Option(names = "--holidays", defaultValue = "cn", paramLabel = "CAL",
            description = "Holiday calendar: cn, us or none. Default: ${DEFAULT-VALUE}.")
    String holidays;

    @Option(names = "--output", paramLabel = "FILE.csv", description = "Write the CSV here instead of printing it.")
    Path output;

    private final PrintStream out;
    private final PrintStream err;

    public ForecastCommand() {
        this(System.out, System.err);
    }

    ForecastCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(CommandLines.create(new ForecastCommand()).execute(args));
    }

    @Override
    public Integer call() {
        return CommandLines.run("forecast", err, () -> {
            checkOptions();
            DailySeries series = CommandLines.readSeries("forecast", err, seriesFile, dateColumn, countColumn);
            List<Forecaster.Forecast> forecasts = new Forecaster(HolidayCalendar.named(holidays))
                    .forecast(series, days, alpha);
            String csv = csv(forecasts);
            if (output == null) {
                out.print(csv);
            } else {
                Files.writeString(output, csv, StandardCharsets.UTF_8);
                err.println("forecast: wrote " + output);
            }
            return 0;
        });
    }

    private void checkOptions() {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("--days must be from 1 to " + MAX_DAYS + ", not " + days);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--alpha must be between 0 and 1 (0.1 for a 90% interval), not "
                    + alpha);
        }
    }

    private static String csv(List<Forecaster.Forecast> forecasts) {
        StringBuilder csv = new StringBuilder("date,expected,lower,upper\n");
        for (Forecaster.Forecast f : forecasts) {
            csv.append(String.format(Locale.ROOT, "%s,%.2f,%d,%d\n", f.date(), f.expected(), (long) f.lower(),
                    (long) f.upper()));
        }
        return csv.toString();
    }
}
