package org.hotline.alerts.detect;

import java.util.ArrayList;
import java.util.List;
import org.hotline.alerts.series.DailySeries;

/**
 * A count-series anomaly detector. {@link #score} decides on one day from the counts up to and including
 * that day only, so the same call works in a stream (history + today's count) and in a backtest.
 */
public interface Detector {

    /** The name used on the command line, e.g. "ears-c2". */
    String name();

    /** The first day index on which {@link #score} can decide; earlier days have too little history. */
    int warmUpDays();

    /** The decision for {@code day}; reads {@code series.count(0..day)} and nothing later. */
    Decision score(DailySeries series, int day);

    /** Decisions for every day from the warm-up to the end, in order. Implementations may share work. */
    default List<Decision> scoreAll(DailySeries series) {
        List<Decision> decisions = new ArrayList<>();
        for (int day = warmUpDays(); day < series.size(); day++) {
            decisions.add(score(series, day));
        }
        return decisions;
    }
}
