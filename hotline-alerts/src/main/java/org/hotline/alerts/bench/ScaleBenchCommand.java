package org.hotline.alerts.bench;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.hotline.models.console.ProgressBar;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.detect.Detector;
import org.hotline.alerts.detect.Detectors;
import org.hotline.alerts.series.DailySeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alerts-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Times a detector on many synthetic daily series (negative binomial counts with trend, weekday and"
                    + " yearly cycles, Chinese holidays; means log-uniform between 0.2 and 500 a day, like node ×"
                    + " district series).",
            "Mode today: one decision per series on its last day, given its whole history (what the stream job"
                    + " does each day). Mode backtest: a decision for every day of every series.",
            "Prints the median wall time over --repeat timed rounds after one untimed warm-up round, and the CPU"
                    + " time the worker threads used (on a shared machine, CPU time / threads is what the wall time"
                    + " would be on dedicated cores)."
        })
public final class ScaleBenchCommand implements Callable<Integer> {

    enum Mode { today, backtest }

    @Option(names = "--series", defaultValue = "10000", paramLabel = "N", description = "Number of series. Default: ${DEFAULT-VALUE}.")
    int seriesCount;

    @Option(names = "--days", defaultValue = "1095", paramLabel = "N", description = "Days of history per series. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--detector", defaultValue = "default", paramLabel = "NAME", description = "Detector name. Default: ${DEFAULT-VALUE}.")
    String detectorName;

    @Option(names = "--mode", defaultValue = "today", paramLabel = "MODE", description = "today or backtest. Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "Worker threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N", description = "Timed rounds. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    private final PrintStream out;
    private final PrintStream err;

    public ScaleBenchCommand() {
        this(System.out, System.err);
    }

    ScaleBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(org.hotline.alerts.backtest.CommandLines.create(new ScaleBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Detector detector;
        try {
            detector = Detectors.named(detectorName, HolidayCalendar.named("cn"));
            if (seriesCount < 1 || days <= detector.warmUpDays() || repeat < 1 || threads < 1) {
                throw new IllegalArgumentException("need series>=1, days > the detector's warm-up, repeat>=1, threads>=1");
            }
        } catch (IllegalArgumentException e) {
            err.println("alerts-bench: " + e.getMessage());
            return 2;
        }
        List<DailySeries> series = generate(seriesCount, days, seed);
        err.println("alerts-bench: generated " + seriesCount + " series × " + days + " days");
        time(detector, series.subList(0, Math.min(series.size(), 500)), "warm-up");
        double[] seconds = new double[repeat];
        double[] cpuSeconds = new double[repeat];
        for (int round = 0; round < repeat; round++) {
            double[] timing = time(detector, series, "round " + (round + 1));
            seconds[round] = timing[0];
            cpuSeconds[round] = timing[1];
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        out.printf(Locale.ROOT, "%s, mode %s, %d series × %d days, %d threads: median wall %.2f s over %d rounds"
                        + " (min %.2f, max %.2f); median CPU %.2f s (= %.2f s on %d dedicated cores)%n",
                detector.name(), mode, seriesCount, days, threads, seconds[repeat / 2], repeat, seconds[0],
                seconds[repeat - 1], cpuSeconds[repeat / 2], cpuSeconds[repeat / 2] / threads, threads);
        return 0;
    }

    /** [wall seconds, CPU seconds of the scoring threads]. */
    private double[] time(Detector detector, List<DailySeries> series, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ProgressBar progress = new ProgressBar(label, series.size(), err);
        long start = System.nanoTime();
        try {
            int chunk = Math.max(1, series.size() / 100);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int from = 0; from < series.size(); from += chunk) {
                List<DailySeries> part = series.subList(from, Math.min(series.size(), from + chunk));
                futures.add(pool.submit(() -> score(detector, part)));
            }
            long alarms = 0;
            long cpuNanos = 0;
            int done = 0;
            for (Future<long[]> future : futures) {
                long[] result = future.get();
                alarms += result[0];
                cpuNanos += result[1];
                done += chunk;
                progress.update(Math.min(done, series.size()));
            }
            progress.done();
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "%s: %.2f s wall, %.2f s CPU, %d alarms%n", label, seconds, cpuNanos / 1e9, alarms);
            return new double[] {seconds, cpuNanos / 1e9};
        } finally {
            pool.shutdownNow();
        }
    }

    /** [alarms, CPU nanoseconds this thread spent]. */
    private long[] score(Detector detector, List<DailySeries> part) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = bean.getCurrentThreadCpuTime();
        long alarms = 0;
        for (DailySeries one : part) {
            if (mode == Mode.today) {
                alarms += detector.score(one, one.size() - 1).alarm() ? 1 : 0;
            } else {
                alarms += detector.scoreAll(one).stream().filter(d -> d.alarm()).count();
            }
        }
        return new long[] {alarms, bean.getCurrentThreadCpuTime() - cpuStart};
    }

    /** Seeded synthetic series; the same seed gives the same series. */
    static List<DailySeries> generate(int count, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        HolidayCalendar calendar = HolidayCalendar.named("cn");
        LocalDate start = LocalDate.of(2019, 1, 1);
        List<DailySeries> series = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            Well19937c rng = new Well19937c(random.nextLong());
            double mean = Math.exp(Math.log(0.2) + random.nextDouble() * (Math.log(500) - Math.log(0.2)));
            double weekend = 0.5 + 0.5 * random.nextDouble();
            double season = 0.5 * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            double trend = 0.2 * (random.nextDouble() - 0.5);
            double size = 5 + 20 * random.nextDouble();
            double[] counts = new double[days];
            for (int t = 0; t < days; t++) {
                LocalDate date = start.plusDays(t);
                boolean off = !calendar.isWorkday(date);
                double mu = mean * Math.exp(trend * t / 365.0 + season * Math.sin(2 * Math.PI * t / 365.25 + phase))
                        * (off ? weekend : 1);
                double rate = new GammaDistribution(rng, size, mu / size).sample();
                counts[t] = rate <= 0 ? 0 : new PoissonDistribution(rng, rate, 1e-12, 10_000_000).sample();
            }
            series.add(new DailySeries("synthetic-" + s, start, counts));
        }
        return series;
    }
}
