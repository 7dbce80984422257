package org.hotline.alerts.job.functions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.SeriesAlerter;
import org.hotline.alerts.emerging.GrowthDetector;
import org.hotline.alerts.job.AlertSettings;
import org.hotline.alerts.periodic.PeriodicityDetector;
import org.hotline.alerts.series.DailySeries;
import org.hotline.classify.serde.JsonTypeInfo;

/**
 * One node × district series (keyed by {@link SeriesEvent#seriesKey()}): counts the records of each open day with
 * their evidence, and when the watermark passes the end of a day (in the city's zone) closes it into the compact
 * history and asks {@link SeriesAlerter} for a SEASONAL alert on it and {@link GrowthDetector} whether a small node
 * started growing faster each week (an EMERGING alert). On the first day it closes in each week (Monday to Sunday)
 * it also asks {@link PeriodicityDetector} whether a yearly rise is due within {@code periodicLeadDays}: a PERIODIC
 * alert whose window is the expected onset day. Weekly, because a rise is known weeks ahead and a daily check would
 * only repeat it; the first closed day rather than a fixed weekday, because a sparse series has days without
 * records, which close nothing.
 *
 * <p>A rise is warned of once: its id is derived from the onset day, and the onset last warned of is kept so that a
 * re-estimate a day off the next week (the history has moved on) is not a second warning; the detector treats
 * onsets less than {@value #SAME_RISE_DAYS} days apart as the same rise, and so does this.
 *
 * <p>Warm-up: the alerter's seasonal regression falls back to EARS C2 while the series has less than a year of
 * history and decides nothing during the first 9 days (C2's baseline and guard band). Days without records are zeros
 * in the history: they fire no timer.
 *
 * <p>State per series: the history ({@link DailyHistory}, ≤ {@link AlertSettings#seriesHistoryDays()} days: three
 * years with PERIODIC on, else {@link SeriesAlerter#HISTORY_DAYS}; about 1 byte a day), the evidence of the open days
 * (usually one or two), the cleanup time and, once it has warned, the onset day last warned of. The alerter sees
 * only the last {@link SeriesAlerter#HISTORY_DAYS} days, so the longer history does not change its decisions. A series silent for
 * {@code seriesTtlDays} after its last closed day is dropped by an event-time timer; a record that arrives for a day
 * already closed is added to the history (so baselines stay right) but raises no alert.
 *
 * <p>HIGH_FREQUENCY thresholds need the district's total of the day, which one series does not know:
 * {@link HighFrequencyFunction} applies them, keyed by district.
 */
public final class DailySeriesFunction extends KeyedProcessFunction<String, SeriesEvent, Alert> {
    private static final long serialVersionUID = 1L;
    /** Onsets closer than this are the same yearly rise (as in {@link PeriodicityDetector#yearlyRise}). */
    static final int SAME_RISE_DAYS = 180;

    private final AlertSettings settings;

    private transient CityDays days;
    private transient SeriesAlerter alerter;
    private transient GrowthDetector growth;
    /** Null when PERIODIC is off. */
    private transient PeriodicityDetector periodic;
    private transient ValueState<byte[]> history;
    private transient MapState<Long, DayEvidence> openDays;
    private transient ValueState<Long> cleanupAt;
    private transient ValueState<Long> warnedOnset;
    private transient Counter lateRecords;

    public DailySeriesFunction(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        days = settings.days();
        alerter = settings.seriesAlerter();
        growth = GrowthDetector.standard();
        periodic = settings.periodicLeadDays() > 0 ? settings.periodicityDetector() : null;
        history = getRuntimeContext().getState(
                new ValueStateDescriptor<>("history", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        openDays = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("open-days", Types.LONG, JsonTypeInfo.of(DayEvidence.class)));
        cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
        warnedOnset = getRuntimeContext().getState(new ValueStateDescriptor<>("warned-onset", Types.LONG));
        lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
    }

    @Override
    public void processElement(SeriesEvent event, Context ctx, Collector<Alert> out) throws Exception {
        LocalDate day = days.dayOf(ctx.timestamp());
        long endOfDay = days.endOfDay(day);
        if (endOfDay <= ctx.timerService().currentWatermark()) {
            lateRecords.inc();
            byte[] stored = history.value();
            if (stored != null) {
                history.update(DailyHistory.decode(stored).addLate(day, 1).encode());
            }
            return;
        }
        DayEvidence evidence = openDays.get(day.toEpochDay());
        if (evidence == null) {
            evidence = DayEvidence.EMPTY;
            ctx.timerService().registerEventTimeTimer(endOfDay);
        }
        openDays.put(day.toEpochDay(), evidence.plus(event.recordId(), event.tokens()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        Long cleanup = cleanupAt.value();
        if (cleanup != null && cleanup == timestamp) {
            if (openDays.isEmpty()) {
                history.clear();
                cleanupAt.clear();
                warnedOnset.clear();
            }
            return;
        }
        LocalDate day = days.dayOf(timestamp);
        DayEvidence evidence = openDays.get(day.toEpochDay());
        if (evidence == null) {
            return;
        }
        openDays.remove(day.toEpochDay());
        String[] nodeAndDistrict = SeriesEvent.split(ctx.getCurrentKey());
        DailyHistory previous = DailyHistory.decode(history.value());
        DailyHistory closed = previous.close(day, evidence.count(), settings.seriesHistoryDays());
        history.update(closed.encode());
        DailySeries series = closed.toSeries(nodeAndDistrict[0] + "|" + nodeAndDistrict[1]);
        DailySeries recent = series.tail(SeriesAlerter.HISTORY_DAYS);
        alerter.alert(nodeAndDistrict[0], nodeAndDistrict[1], recent, recent.size() - 1, evidence.toEvidence())
                .ifPresent(out::collect);
        growth.alert(nodeAndDistrict[0], nodeAndDistrict[1], recent, recent.size() - 1, evidence.toEvidence())
                .ifPresent(out::collect);
        if (periodic != null && isFirstCloseOfWeek(previous.lastDay(), day)) {
            periodicWarning(nodeAndDistrict[0], nodeAndDistrict[1], series).ifPresent(out::collect);
        }
        scheduleCleanup(ctx, day);
    }

    /** Whether {@code day} is the first day this series closes in its week (Monday to Sunday). */
    static boolean isFirstCloseOfWeek(LocalDate previousClosed, LocalDate day) {
        return previousClosed == null || previousClosed.isBefore(day.with(DayOfWeek.MONDAY));
    }

    /** A PERIODIC alert when a yearly rise is due within the lead days and was not warned of already. */
    private Optional<Alert> periodicWarning(String nodePath, String district, DailySeries series) throws Exception {
        List<Alert> warnings = periodic.warnAhead(nodePath, Map.of(district, series));
        if (warnings.isEmpty()) {
            return Optional.empty();
        }
        Alert warning = warnings.get(0);
        long onset = warning.windowStart().toEpochDay();
        Long warned = warnedOnset.value();
        if (warned != null && Math.abs(onset - warned) < SAME_RISE_DAYS) {
            return Optional.empty();
        }
        warnedOnset.update(onset);
        return Optional.of(warning);
    }

    /** Moves the cleanup timer to the start of the day {@code seriesTtlDays} after the last closed day. */
    private void scheduleCleanup(OnTimerContext ctx, LocalDate lastClosed) throws Exception {
        Long previous = cleanupAt.value();
        if (previous != null) {
            ctx.timerService().deleteEventTimeTimer(previous);
        }
        // A start of day is never an end-of-day timer (those end in 999 ms), so the two kinds never collide.
        long next = days.startOfDay(lastClosed.plusDays(settings.seriesTtlDays() + 1L));
        ctx.timerService().registerEventTimeTimer(next);
        cleanupAt.update(next);
    }
}
