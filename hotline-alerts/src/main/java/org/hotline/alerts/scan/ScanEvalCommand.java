package org.hotline.alerts.scan;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hotline.models.console.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scan-eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measures the space-time permutation scan on real background counts.",
            "Each run picks a random month of the NYC NTA panel. Background cases get an area drawn from that"
                    + " month's real per-neighbourhood counts and a day drawn from that month's real daily 311"
                    + " counts. A planted run adds CLUSTER extra cases to one random area, spread uniformly over"
                    + " 3 consecutive random days; a null run adds nothing.",
            "Found = the most likely cluster has p < ALPHA, is in the planted area and overlaps the planted days.",
            "Prints the share of planted runs found and the share of null runs with p >= ALPHA."
        })
public final class ScanEvalCommand implements Callable<Integer> {

    @Option(names = "--panel", defaultValue = "../shared/data/nyc311/nta_monthly_rate_2010_2014.csv", paramLabel = "FILE",
            description = "NTA × month panel (columns nta, month, approx_count). Default: ${DEFAULT-VALUE}.")
    Path panel;

    @Option(names = "--daily", defaultValue = "../shared/data/nyc311/daily_noise_other_total_2010_2017.csv", paramLabel = "FILE",
            description = "Daily counts giving the within-month day profile. Default: ${DEFAULT-VALUE}.")
    Path daily;

    @Option(names = "--daily-column", defaultValue = "total", paramLabel = "COL",
            description = "Column of --daily used as the day profile. Default: ${DEFAULT-VALUE}.")
    String dailyColumn;

    @Option(names = "--background", defaultValue = "2000", paramLabel = "N",
            description = "Background cases per month (one taxonomy node's volume). Default: ${DEFAULT-VALUE}.")
    int background;

    @Option(names = "--cluster", defaultValue = "15", paramLabel = "N", description = "Planted extra cases. Default: ${DEFAULT-VALUE}.")
    int cluster;

    @Option(names = "--cluster-days", defaultValue = "3", paramLabel = "N", description = "Planted cluster length. Default: ${DEFAULT-VALUE}.")
    int clusterDays;

    @Option(names = "--max-days", defaultValue = "7", paramLabel = "N", description = "Longest cluster scanned, in days. Default: ${DEFAULT-VALUE}.")
    int maxDays;

    @Option(names = "--runs", defaultValue = "100", paramLabel = "N", description = "Planted runs and null runs each. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--replications", defaultValue = "999", paramLabel = "N", description = "Monte Carlo replicates per scan. Default: ${DEFAULT-VALUE}.")
    int replications;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "P", description = "Significance level. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "Worker threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    private final PrintStream out;
    private final PrintStream err;

    public ScanEvalCommand() {
        this(System.out, System.err);
    }

    ScanEvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(org.hotline.alerts.backtest.CommandLines.create(new ScanEvalCommand()).execute(args));
    }

    /** One month of real background: per-area weights and per-day weights. */
    record Month(YearMonth month, List<String> areas, double[] areaWeights, double[] dayWeights) {
    }

    record RunResult(boolean planted, boolean found, double pValue) {
    }

    @Override
    public Integer call() {
        try {
            if (background < 1 || cluster < 0 || clusterDays < 1 || runs < 1 || replications < 19) {
                throw new IllegalArgumentException("need background>=1, cluster>=0, cluster-days>=1, runs>=1,"
                        + " replications>=19");
            }
            List<Month> months = months(readPanel(), readDaily());
            List<Callable<RunResult>> tasks = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                for (boolean planted : new boolean[] {true, false}) {
                    long runSeed = seed * 1_000_003L + run * 2L + (planted ? 1 : 0);
                    tasks.add(() -> runOnce(months, planted, runSeed));
                }
            }
            List<RunResult> results = runAll(tasks);
            report(results);
            return 0;
        } catch (NoSuchFileException e) {
            err.println("scan-eval: file not found: " + e.getFile());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("scan-eval: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("scan-eval: " + e.getMessage());
            return 1;
        }
    }

    private List<RunResult> runAll(List<Callable<RunResult>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        ProgressBar progress = new ProgressBar("scan-eval", tasks.size(), err);
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Callable<RunResult> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> future : futures) {
                results.add(future.get());
                progress.update(results.size());
            }
            progress.done();
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void report(List<RunResult> results) {
        long planted = results.stream().filter(RunResult::planted).count();
        long found = results.stream().filter(r -> r.planted() && r.found()).count();
        long nulls = results.size() - planted;
        long nullQuiet = results.stream().filter(r -> !r.planted() && r.pValue() >= alpha).count();
        out.printf(Locale.ROOT, "background %d cases/month, planted %d cases over %d days in 1 of the areas,"
                + " %d replicates, alpha %.3f%n", background, cluster, clusterDays, replications, alpha);
        out.printf(Locale.ROOT, "planted clusters found: %d / %d (%.1f%%)%n", found, planted, 100.0 * found / planted);
        out.printf(Locale.ROOT, "null runs with p >= %.2f: %d / %d (%.1f%%)%n", alpha, nullQuiet, nulls,
                100.0 * nullQuiet / nulls);
    }

    private RunResult runOnce(List<Month> months, boolean planted, long runSeed) {
        SplittableRandom random = new SplittableRandom(runSeed);
        Month month = months.get(random.nextInt(months.size()));
        int days = month.dayWeights().length;
        int n = background + (planted ? cluster : 0);
        int[] caseArea = new int[n];
        int[] caseDay = new int[n];
        double[] areaCdf = cumulative(month.areaWeights());
        double[] dayCdf = cumulative(month.dayWeights());
        for (int i = 0; i < background; i++) {
            caseArea[i] = draw(areaCdf, random);
            caseDay[i] = draw(dayCdf, random);
        }
        int plantedArea = random.nextInt(month.areas().size());
        int plantedStart = random.nextInt(days - clusterDays + 1);
        for (int i = background; i < n; i++) {
            caseArea[i] = plantedArea;
            caseDay[i] = plantedStart + random.nextInt(clusterDays);
        }
        SpaceTimePermutationScan scan = SpaceTimePermutationScan.singleAreas(month.areas().size(), days, maxDays);
        SpaceTimePermutationScan.Cluster best = scan.scan(caseArea, caseDay, replications, random.nextLong())
                .mostLikely();
        boolean inArea = best.areas().length > 0 && contains(best.areas(), plantedArea);
        boolean overlaps = best.startDay() <= plantedStart + clusterDays - 1 && best.endDay() >= plantedStart;
        boolean found = planted && best.pValue() < alpha && inArea && overlaps;
        return new RunResult(planted, found, best.pValue());
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static double[] cumulative(double[] weights) {
        double[] cdf = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static int draw(double[] cdf, SplittableRandom random) {
        double u = random.nextDouble();
        int i = java.util.Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    private static List<Month> months(Map<YearMonth, Map<String, Double>> panelByMonth, Map<LocalDate, Double> dailyCounts) {
        List<Month> months = new ArrayList<>();
        panelByMonth.forEach((month, byArea) -> {
            double[] dayWeights = new double[month.lengthOfMonth()];
            for (int d = 0; d < dayWeights.length; d++) {
                Double count = dailyCounts.get(month.atDay(d + 1));
                if (count == null) {
                    return; // month not covered by the daily file
                }
                dayWeights[d] = count;
            }
            List<String> areas = new ArrayList<>(byArea.keySet());
            double[] areaWeights = areas.stream().mapToDouble(byArea::get).toArray();
            months.add(new Month(month, areas, areaWeights, dayWeights));
        });
        if (months.isEmpty()) {
            throw new IllegalArgumentException("no month is covered by both --panel and --daily");
        }
        return months;
    }

    private Map<YearMonth, Map<String, Double>> readPanel() throws IOException {
        Map<YearMonth, Map<String, Double>> byMonth = new TreeMap<>();
        for (CSVRecord row : rows(panel, "nta", "month", "approx_count")) {
            String text = row.get("approx_count");
            double count = text.isEmpty() ? 0 : Double.parseDouble(text); // empty for unpopulated areas (parks)
            if (count > 0) {
                byMonth.computeIfAbsent(YearMonth.parse(row.get("month")), m -> new TreeMap<>())
                        .put(row.get("nta"), count);
            }
        }
        return byMonth;
    }

    private Map<LocalDate, Double> readDaily() throws IOException {
        Map<LocalDate, Double> counts = new TreeMap<>();
        for (CSVRecord row : rows(daily, "date", dailyColumn)) {
            counts.put(LocalDate.parse(row.get("date")), Double.parseDouble(row.get(dailyColumn)));
        }
        return counts;
    }

    private static List<CSVRecord> rows(Path file, String... columns) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : columns) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new IllegalArgumentException(file + ": column '" + column + "' not found");
                }
            }
            try {
                return parser.getRecords();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
        }
    }
}
