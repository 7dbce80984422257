package org.hotline.alerts.job.functions;

import java.time.LocalDate;
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
import org.hotline.alerts.job.AlertSettings;
import org.hotline.alerts.series.DailySeries;
import org.hotline.classify.serde.JsonTypeInfo;

/**
 * One node × district series (keyed by {@link SeriesEvent#seriesKey()}): counts the records of each open day with
 * their evidence, and when the watermark passes the end of a day (in the city's zone) closes it into the compact
 * history and asks {@link SeriesAlerter} for SEASONAL and HIGH_FREQUENCY alerts on it.
 *
 * <p>Warm-up: the alerter's seasonal regression falls back to EARS C2 while the series has less than a year of
 * history and decides nothing during the first 9 days (C2's baseline and guard band); high-frequency thresholds
 * apply from the first day. Days without records are zeros in the history: they fire no timer.
 *
 * <p>State per series: the history ({@link DailyHistory}, ≤ {@link SeriesAlerter#HISTORY_DAYS} days, about 1 byte
 * a day), the evidence of the open days (usually one or two) and the cleanup time. A series silent for
 * {@code seriesTtlDays} after its last closed day is dropped by an event-time timer; a record that arrives for a day
 * already closed is added to the history (so baselines stay right) but raises no alert.
 *
 * <p>The share-of-district threshold of the rules is not applied here (the district's total is not known to one
 * series); the count threshold is.
 */
public final class DailySeriesFunction extends KeyedProcessFunction<String, SeriesEvent, Alert> {
    private static final long serialVersionUID = 1L;

    private final AlertSettings settings;

    private transient CityDays days;
    private transient SeriesAlerter alerter;
    private transient ValueState<byte[]> history;
    private transient MapState<Long, DayEvidence> openDays;
    private transient ValueState<Long> cleanupAt;
    private transient Counter lateRecords;

    public DailySeriesFunction(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        days = settings.days();
        alerter = settings.seriesAlerter();
        history = getRuntimeContext().getState(
                new ValueStateDescriptor<>("history", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        openDays = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("open-days", Types.LONG, JsonTypeInfo.of(DayEvidence.class)));
        cleanupAt = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-at", Types.LONG));
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
        DailyHistory closed = DailyHistory.decode(history.value())
                .close(day, evidence.count(), SeriesAlerter.HISTORY_DAYS);
        history.update(closed.encode());
        DailySeries series = closed.toSeries(nodeAndDistrict[0] + "|" + nodeAndDistrict[1]);
        for (Alert alert : alerter.alerts(nodeAndDistrict[0], nodeAndDistrict[1], series, series.size() - 1, 0,
                evidence.toEvidence())) {
            out.collect(alert);
        }
        scheduleCleanup(ctx, day);
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
