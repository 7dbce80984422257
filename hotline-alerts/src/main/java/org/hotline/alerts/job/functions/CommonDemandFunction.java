package org.hotline.alerts.job.functions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.CommonDemandDetector;
import org.hotline.classify.serde.JsonTypeInfo;

/**
 * 共性 demands, keyed by node path: collects the node's SEASONAL and HIGH_FREQUENCY alerts of each day from every
 * district and, once the watermark has passed the end of that day (so every district's series has closed it), asks
 * {@link CommonDemandDetector} whether at least k districts alarmed. Alerts are kept by id, so a replayed alert is
 * counted once. Other kinds pass by unseen; the state of a day is removed when it is decided.
 */
public final class CommonDemandFunction extends KeyedProcessFunction<String, Alert, Alert> {
    private static final long serialVersionUID = 1L;

    private final CityDays days;
    private final int minDistricts;

    private transient CommonDemandDetector detector;
    private transient MapState<String, Alert> pending;
    private transient Counter lateAlerts;

    public CommonDemandFunction(CityDays days, int minDistricts) {
        this.days = days;
        this.minDistricts = minDistricts;
    }

    @Override
    public void open(OpenContext openContext) {
        detector = new CommonDemandDetector(minDistricts, 1);
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("district-alerts", Types.STRING, JsonTypeInfo.of(Alert.class)));
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
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        LocalDate day = days.dayOf(timestamp);
        List<Alert> ofDay = new ArrayList<>();
        List<String> decided = new ArrayList<>();
        for (Map.Entry<String, Alert> entry : pending.entries()) {
            if (entry.getValue().windowEnd().equals(day)) {
                ofDay.add(entry.getValue());
                decided.add(entry.getKey());
            }
        }
        for (String id : decided) {
            pending.remove(id);
        }
        ofDay.sort(java.util.Comparator.comparing(Alert::id));
        detector.detect(ofDay, day).forEach(out::collect);
    }
}
