package org.hotline.alerts.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.hotline.alerts.detect.Decision;
import org.hotline.alerts.calendar.HolidayCalendar;
import org.hotline.alerts.detect.Detector;
import org.hotline.alerts.detect.Detectors;
import org.hotline.alerts.series.DailySeries;

/**
 * Runs detectors on the same injected copies of real series and pools their metrics. Every detector sees
 * exactly the same outbreaks and is evaluated on the same days, which is what makes the comparison fair.
 */
public final class Backtest {

    private Backtest() {
    }

    /** Evaluated day range of one series: [from, to], inclusive. */
    public record Range(int from, int to) {
        public int days() {
            return to - from + 1;
        }
    }

    /**
     * Days evaluated with --inject: from the latest warm-up of all named detectors (so a single-detector run
     * and a comparison run score the same days) or evalFrom if later, to the end or evalTo.
     */
    public static Range evaluationRange(DailySeries series, LocalDate evalFrom, LocalDate evalTo) {
        int from = 28;
        for (String name : Detectors.NAMES) {
            from = Math.max(from, Detectors.named(name, HolidayCalendar.NONE).warmUpDays());
        }
        if (evalFrom != null) {
            from = Math.max(from, series.indexOf(evalFrom));
        }
        int to = series.size() - 1;
        if (evalTo != null) {
            to = Math.min(to, series.indexOf(evalTo));
        }
        if (to - from < 30) {
            throw new IllegalArgumentException(series.key() + ": fewer than 30 days to evaluate after warm-up ("
                    + series.date(Math.min(from, series.size() - 1)) + " .. " + series.date(Math.max(0, to)) + ")");
        }
        return new Range(from, to);
    }

    /**
     * Pooled metrics per detector name, over every series × replicate.
     *
     * @param progress called with the number of finished (series, replicate) runs
     */
    public static Map<String, InjectionMetrics> compare(List<DailySeries> series, List<Detector> detectors,
                                                        InjectionSpec spec, LocalDate evalFrom, LocalDate evalTo,
                                                        int threads, IntConsumer progress) {
        List<java.util.concurrent.Callable<Map<String, InjectionMetrics>>> tasks = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            DailySeries one = series.get(s);
            Range range = evaluationRange(one, evalFrom, evalTo);
            for (int rep = 0; rep < spec.reps(); rep++) {
                long seed = spec.seed() * 1_000_003L + s * 7919L + rep;
                tasks.add(() -> runOne(one, detectors, spec, range, seed));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Map<String, InjectionMetrics>>> futures = new ArrayList<>();
            for (var task : tasks) {
                futures.add(pool.submit(task));
            }
            Map<String, InjectionMetrics> pooled = new LinkedHashMap<>();
            for (Detector detector : detectors) {
                pooled.put(detector.name(), InjectionMetrics.empty(spec.maxDays()));
            }
            AtomicInteger done = new AtomicInteger();
            for (var future : futures) {
                future.get().forEach((name, metrics) -> pooled.merge(name, metrics, InjectionMetrics::plus));
                progress.accept(done.incrementAndGet());
            }
            return pooled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public static int runCount(List<DailySeries> series, InjectionSpec spec) {
        return series.size() * spec.reps();
    }

    private static Map<String, InjectionMetrics> runOne(DailySeries series, List<Detector> detectors,
                                                       InjectionSpec spec, Range range, long seed) {
        OutbreakInjector.Injected injected = OutbreakInjector.inject(series, spec, range.from(), range.to(), seed);
        Map<String, InjectionMetrics> metrics = new LinkedHashMap<>();
        for (Detector detector : detectors) {
            List<Decision> decisions = detector.scoreAll(injected.series());
            metrics.put(detector.name(), InjectionMetrics.measure(decisions, detector.warmUpDays(),
                    injected.outbreaks(), range.from(), range.to(), spec.maxDays()));
        }
        return metrics;
    }
}
