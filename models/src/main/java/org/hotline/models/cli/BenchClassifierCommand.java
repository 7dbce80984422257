package org.hotline.models.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.models.classifier.ClassifierModels;
import org.hotline.models.classifier.HotlineClassifier;
import org.hotline.models.records.HotlineRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-classifier", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the classifier hot path (segmentation + features + inference + leaf ranking, "
                + "plain Java, no nd4j) on a JSON Lines file: throughput with N threads, single-record latency "
                + "percentiles on one thread, and segmentation speed alone.",
                "Each measurement runs after a warm-up; medians of the rounds are reported."})
public final class BenchClassifierCommand implements Callable<Integer> {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE.jsonl", description = "Records to classify.")
    Path input;

    @Option(names = "--threads", defaultValue = "2", description = "Threads for throughput (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup-rounds", defaultValue = "2", description = "Warm-up rounds (default: ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(names = "--top-k", defaultValue = "3", description = "Suggestions per record (default: ${DEFAULT-VALUE}).")
    int topK;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        return CliSupport.guarded(err, () -> {
            if (threads < 1 || rounds < 1 || warmupRounds < 0) {
                throw new UserInputException("--threads and --rounds must be positive, --warmup-rounds not negative");
            }
            HotlineClassifier classifier = ClassifierModels.load(model);
            List<HotlineRecord> records = CliSupport.readRecords(input);
            if (records.isEmpty()) {
                throw new UserInputException(input + " has no records");
            }
            long chars = records.stream().mapToLong(r -> r.text().length()).sum();
            int[] lengths = records.stream().mapToInt(r -> r.text().length()).sorted().toArray();
            out.printf(Locale.ROOT, "model %s, %d records, text length median %d mean %.0f chars, %d cores%n",
                    classifier.version(), records.size(), lengths[lengths.length / 2],
                    (double) chars / records.size(), Runtime.getRuntime().availableProcessors());

            double[] throughput = new double[rounds];
            double[] perCpuSecond = new double[rounds];
            double[] segmentation = new double[rounds];
            for (int round = -warmupRounds; round < rounds; round++) {
                double[] measured = throughput(classifier, records);
                double recordsPerSecond = measured[0];
                double charsPerSecond = segmentationSpeed(classifier, records, chars);
                if (round >= 0) {
                    throughput[round] = recordsPerSecond;
                    perCpuSecond[round] = measured[1];
                    segmentation[round] = charsPerSecond;
                }
                err.printf(Locale.ROOT, "%s round: %.0f records/s with %d threads%n",
                        round < 0 ? "warm-up" : "measured", recordsPerSecond, threads);
                err.flush();
            }
            long[][] latencies = latencies(classifier, records);
            out.printf(Locale.ROOT, "throughput (%d threads, segmentation + inference): median %.0f records/s "
                    + "wall clock (rounds: %s)%n", threads, median(throughput), rounded(throughput));
            out.printf(Locale.ROOT, "CPU cost: median %.0f records per CPU-second of the worker threads "
                    + "(= %.0f records/s on %d dedicated cores; robust to other load on the machine)%n",
                    median(perCpuSecond), median(perCpuSecond) * threads, threads);
            out.printf(Locale.ROOT, "segmentation alone (1 thread): median %.2f M chars/s%n",
                    median(segmentation) / 1e6);
            for (int kind = 0; kind < 2; kind++) {
                long[] l = latencies[kind];
                out.printf(Locale.ROOT, "single-record latency, %s (1 thread, %d calls): p50 %.3f ms  p99 %.3f ms  "
                                + "p99.9 %.3f ms  max %.3f ms%n", kind == 0 ? "wall clock" : "thread CPU time",
                        l.length, percentile(l, 0.50), percentile(l, 0.99), percentile(l, 0.999), percentile(l, 1.0));
            }
            out.flush();
            return 0;
        });
    }

    /** @return records per wall-clock second, and records per CPU-second the worker threads used */
    private double[] throughput(HotlineClassifier classifier, List<HotlineRecord> records) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicLong next = new AtomicLong();
            long started = System.nanoTime();
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long cpuStart = CPU.getCurrentThreadCpuTime();
                    for (long i = next.getAndIncrement(); i < records.size(); i = next.getAndIncrement()) {
                        HotlineRecord r = records.get((int) i);
                        classifier.predict(r.title(), r.content(), topK);
                    }
                    return CPU.getCurrentThreadCpuTime() - cpuStart;
                }));
            }
            long cpuNanos = 0;
            for (Future<Long> worker : workers) {
                cpuNanos += worker.get();
            }
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            return new double[] {records.size() / wallSeconds, records.size() / (cpuNanos / 1e9)};
        } finally {
            pool.shutdown();
        }
    }

    private static double segmentationSpeed(HotlineClassifier classifier, List<HotlineRecord> records, long chars) {
        long started = System.nanoTime();
        long tokens = 0;
        for (HotlineRecord r : records) {
            tokens += classifier.segmenter().tokens(r.text()).size();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (tokens == 0) {
            throw new UserInputException("the input has no words to segment");
        }
        return chars / seconds;
    }

    /** Sorted per-call wall-clock nanoseconds and thread-CPU nanoseconds. */
    private long[][] latencies(HotlineClassifier classifier, List<HotlineRecord> records) {
        long[] wall = new long[records.size()];
        long[] cpu = new long[records.size()];
        for (int i = 0; i < records.size(); i++) {
            HotlineRecord r = records.get(i);
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            classifier.predict(r.title(), r.content(), topK);
            wall[i] = System.nanoTime() - started;
            cpu[i] = CPU.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new long[][] {wall, cpu};
    }

    static double percentile(long[] sortedNanos, double q) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String rounded(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : ", ").append(Math.round(v));
        }
        return s.toString();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchClassifierCommand()).execute(args));
    }
}
