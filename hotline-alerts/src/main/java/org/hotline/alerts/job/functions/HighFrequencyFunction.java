package org.hotline.alerts.job.functions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.HighFrequencyAlerter;
import org.hotline.alerts.job.AlertSettings;
import org.hotline.classify.serde.JsonTypeInfo;

/**
 * HIGH_FREQUENCY for one district (keyed by {@link SeriesEvent#district()}): counts the district's classified
 * demands of each open day (one level-1 event per record) and, for the nodes an analyst's rule covers, the node's
 * demands with their evidence. When the watermark passes the end of a day (in the city's zone) it applies
 * {@link HighFrequencyAlerter} to each such node with the day's total, so share thresholds ("heating is 5% of the
 * district's demands today") work next to count thresholds.
 *
 * <p>State: per open day (usually one, two around midnight) the total and the evidence of the watched nodes seen that
 * day; the day's timer clears both, so nothing outlives the day. With the default rules no node is watched and only
 * the totals are kept. A record that arrives for a day already closed is counted in the {@code lateRecords} metric
 * and ignored.
 */
public final class HighFrequencyFunction extends KeyedProcessFunction<String, SeriesEvent, Alert> {
    private static final long serialVersionUID = 1L;
    private static final char DAY_SEPARATOR = '|';

    private final AlertSettings settings;

    private transient CityDays days;
    private transient HighFrequencyAlerter alerter;
    private transient MapState<Long, Integer> totals;
    /** Keyed by epoch day + {@value #DAY_SEPARATOR} + node path. */
    private transient MapState<String, DayEvidence> watched;
    private transient Counter lateRecords;

    public HighFrequencyFunction(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        days = settings.days();
        alerter = new HighFrequencyAlerter(settings.rules());
        totals = getRuntimeContext().getMapState(new MapStateDescriptor<>("day-totals", Types.LONG, Types.INT));
        watched = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("watched-nodes", Types.STRING, JsonTypeInfo.of(DayEvidence.class)));
        lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
    }

    @Override
    public void processElement(SeriesEvent event, Context ctx, Collector<Alert> out) throws Exception {
        LocalDate day = days.dayOf(ctx.timestamp());
        long endOfDay = days.endOfDay(day);
        if (endOfDay <= ctx.timerService().currentWatermark()) {
            lateRecords.inc();
            return;
        }
        // One timer per key and timestamp: registering it again is a no-op.
        ctx.timerService().registerEventTimeTimer(endOfDay);
        if (event.level() == 1) {
            Integer total = totals.get(day.toEpochDay());
            totals.put(day.toEpochDay(), total == null ? 1 : total + 1);
        }
        if (alerter.watches(event.nodePath())) {
            String key = day.toEpochDay() + String.valueOf(DAY_SEPARATOR) + event.nodePath();
            DayEvidence evidence = watched.get(key);
            watched.put(key, (evidence == null ? DayEvidence.EMPTY : evidence).plus(event.recordId(), event.tokens()));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        LocalDate day = days.dayOf(timestamp);
        Integer total = totals.get(day.toEpochDay());
        totals.remove(day.toEpochDay());
        String prefix = day.toEpochDay() + String.valueOf(DAY_SEPARATOR);
        // Sorted, so a day's alerts come out in the same order on every run.
        Map<String, DayEvidence> nodes = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, DayEvidence> entry : watched.entries()) {
            if (entry.getKey().startsWith(prefix)) {
                keys.add(entry.getKey());
                nodes.put(entry.getKey().substring(prefix.length()), entry.getValue());
            }
        }
        for (String key : keys) {
            watched.remove(key);
        }
        if (total == null) {
            return;
        }
        String district = ctx.getCurrentKey();
        nodes.forEach((node, evidence) -> alerter.alert(node, district, day, evidence.count(), total,
                evidence.toEvidence()).ifPresent(out::collect));
    }
}
