package org.hotline.alerts.job.functions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.CommonDemandDetector;
import org.hotline.classify.serde.JsonTypeInfo;

/**
 * 共性 demands, keyed by node path: collects the node's SEASONAL and HIGH_FREQUENCY alerts from every district and,
 * once the watermark has passed the end of a day on which one arrived (so every district's series has closed it),
 * asks {@link CommonDemandDetector} whether at least k districts alarmed within the window of days ending then. An
 * ongoing common demand is reported again only when more districts join it. Alerts are kept by id, so a replayed
 * alert is counted once; each leaves the state when it can no longer fall in a window. Other kinds pass by unseen.
 */
public final class CommonDemandFunction extends KeyedProcessFunction<String, Alert, Alert> {
    private static final long serialVersionUID = 1L;

    private final CityDays days;
    private final int minDistricts;
    private final int windowDays;

    private transient CommonDemandDetector detector;
    private transient MapState<String, Alert> pending;
    /** The last COMMON alert reported for this node, while its window may still overlap today's. */
    private transient ValueState<Alert> reported;
    private transient Counter lateAlerts;

    public CommonDemandFunction(CityDays days, int minDistricts, int windowDays) {
        this.days = days;
        this.minDistricts = minDistricts;
        this.windowDays = windowDays;
    }

    @Override
    public void open(OpenContext openContext) {
        detector = new CommonDemandDetector(minDistricts, windowDays);
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("district-alerts", Types.STRING, JsonTypeInfo.of(Alert.class)));
        reported = getRuntimeContext().getState(new ValueStateDescriptor<>("reported", JsonTypeInfo.of(Alert.class)));
        lateAlerts = getRuntimeContext().getMetricGroup().counter("lateAlerts");
    }

    /** The kinds that count towards a common demand. */
    public static boolean counts(Alert alert) {
        return alert.kind() == AlertKind.SEASONAL || alert.kind() == AlertKind.HIGH_FREQUENCY;
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<Alert> out) throws Exception {
        if (!counts(alert)) {
            return;
        }
        long endOfDay = days.endOfDay(alert.windowEnd());
        if (endOfDay < ctx.timerService().currentWatermark()) {
            lateAlerts.inc();
            return;
        }
        pending.put(alert.id(), alert);
        ctx.timerService().registerEventTimeTimer(endOfDay);
        // The last day whose window still holds this alert: its state goes then.
        ctx.timerService().registerEventTimeTimer(days.endOfDay(alert.windowEnd().plusDays(windowDays - 1L)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        LocalDate day = days.dayOf(timestamp);
        LocalDate windowStart = day.minusDays(windowDays - 1L);
        List<Alert> inWindow = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, Alert> entry : pending.entries()) {
            LocalDate end = entry.getValue().windowEnd();
            if (!end.isAfter(day) && !end.isBefore(windowStart)) {
                inWindow.add(entry.getValue());
            }
            if (!end.isAfter(windowStart)) {
                expired.add(entry.getKey());
            }
        }
        inWindow.sort(Comparator.comparing(Alert::id));
        for (Alert common : detector.detect(inWindow, day)) {
            if (isNews(common, windowStart)) {
                reported.update(common);
                out.collect(common);
            }
        }
        for (String id : expired) {
            pending.remove(id);
        }
        Alert last = reported.value();
        if (last != null && !last.windowEnd().isAfter(windowStart)) {
            reported.clear(); // no later window can overlap it
        }
    }

    /** Not part of a demand already reported in an overlapping window with at least these districts. */
    private boolean isNews(Alert common, LocalDate windowStart) throws Exception {
        Alert last = reported.value();
        return last == null || last.windowEnd().isBefore(windowStart)
                || !last.districts().containsAll(common.districts());
    }
}
