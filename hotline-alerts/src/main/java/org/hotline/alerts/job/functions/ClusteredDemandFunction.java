package org.hotline.alerts.job.functions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.job.AlertSettings;
import org.hotline.alerts.scan.SpaceTimePermutationScan;
import org.hotline.classify.serde.JsonTypeInfo;

/**
 * 聚集性 demands, keyed by node path: keeps the node's per-day, per-street counts of the last
 * {@code clusterDays} days and, when the watermark passes the end of a day, runs a prospective space-time
 * permutation scan over streets × days (clusters of 1..{@code clusterMaxDays} days ending that day). The most likely
 * cluster is a CLUSTERED alert when its Monte Carlo p-value is below {@code clusterAlpha}. The scan's seed is derived
 * from node and day, so a replay finds the same cluster with the same p-value and id. A cluster whose days reach
 * back to the day a cluster was reported at one of its places (the same excess seen again the next day, in a longer
 * window) is not reported again; a cluster starting after that day is.
 *
 * <p>Places are "district/street"; records without a street are not scanned. Repeat reports are not merged here
 * (the batch {@code ClusterAlerter} does that with MinHash over texts, which would need every text in state), so a
 * burst of calls about one incident counts in full. Days older than the window are dropped at each day's end and by
 * a purge timer once the node falls silent, so no state outlives the window.
 */
public final class ClusteredDemandFunction extends KeyedProcessFunction<String, SeriesEvent, Alert> {
    private static final long serialVersionUID = 1L;

    private final AlertSettings settings;

    private transient CityDays days;
    private transient MapState<Long, StreetDay> byDay;
    private transient MapState<String, Long> reported;
    private transient Counter lateRecords;

    public ClusteredDemandFunction(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        days = settings.days();
        byDay = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("streets-by-day", Types.LONG, JsonTypeInfo.of(StreetDay.class)));
        reported = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("reported-until", Types.STRING, Types.LONG));
        lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
    }

    /** "东城区/和平里街道", or null when the record has no street. */
    static String placeOf(SeriesEvent event) {
        return event.street() == null || event.street().isBlank() ? null
                : event.district() + "/" + event.street().strip();
    }

    @Override
    public void processElement(SeriesEvent event, Context ctx, Collector<Alert> out) throws Exception {
        String place = placeOf(event);
        if (place == null) {
            return;
        }
        LocalDate day = days.dayOf(ctx.timestamp());
        long endOfDay = days.endOfDay(day);
        if (endOfDay <= ctx.timerService().currentWatermark()) {
            lateRecords.inc();
            return;
        }
        StreetDay streets = byDay.get(day.toEpochDay());
        if (streets == null) {
            streets = StreetDay.EMPTY;
            ctx.timerService().registerEventTimeTimer(endOfDay);
        }
        byDay.put(day.toEpochDay(), streets.plus(place, event.recordId()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        LocalDate day = days.dayOf(timestamp);
        int window = settings.clusterDays();
        long firstDay = day.toEpochDay() - window + 1;
        boolean purgeOnly = days.startOfDay(day) == timestamp;
        List<Long> expired = new ArrayList<>();
        for (Long epochDay : byDay.keys()) {
            if (epochDay < firstDay) {
                expired.add(epochDay);
            }
        }
        for (Long epochDay : expired) {
            byDay.remove(epochDay);
        }
        List<String> forgotten = new ArrayList<>();
        for (Map.Entry<String, Long> entry : reported.entries()) {
            if (entry.getValue() < firstDay) {
                forgotten.add(entry.getKey());
            }
        }
        for (String place : forgotten) {
            reported.remove(place);
        }
        if (purgeOnly || !byDay.contains(day.toEpochDay())) {
            return;
        }
        scan(ctx.getCurrentKey(), day, firstDay).ifPresent(out::collect);
        // Once the node falls silent, this drops the last days when they leave the window.
        ctx.timerService().registerEventTimeTimer(days.startOfDay(day.plusDays(window)));
    }

    private Optional<Alert> scan(String nodePath, LocalDate day, long firstDay) throws Exception {
        int window = settings.clusterDays();
        TreeSet<String> placeSet = new TreeSet<>();
        List<Map.Entry<Long, StreetDay>> inWindow = new ArrayList<>();
        int total = 0;
        for (Map.Entry<Long, StreetDay> entry : byDay.entries()) {
            if (entry.getKey() >= firstDay && entry.getKey() <= day.toEpochDay()) {
                inWindow.add(Map.entry(entry.getKey(), entry.getValue()));
                placeSet.addAll(entry.getValue().counts().keySet());
                total += entry.getValue().total();
            }
        }
        if (placeSet.size() < 2 || total < 2) {
            return Optional.empty();
        }
        List<String> places = List.copyOf(placeSet);
        int[] caseArea = new int[total];
        int[] caseDay = new int[total];
        int i = 0;
        for (Map.Entry<Long, StreetDay> entry : inWindow) {
            int dayIndex = (int) (entry.getKey() - firstDay);
            for (Map.Entry<String, Integer> count : entry.getValue().counts().entrySet()) {
                int area = places.indexOf(count.getKey());
                for (int c = 0; c < count.getValue(); c++) {
                    caseArea[i] = area;
                    caseDay[i] = dayIndex;
                    i++;
                }
            }
        }
        // Cases in a fixed order, so the permutation test sees the same input however state iterates.
        sortCases(caseArea, caseDay);
        SpaceTimePermutationScan scanner = new SpaceTimePermutationScan(places.size(), window, null, 1,
                settings.clusterMaxDays(), true);
        long seed = nodePath.hashCode() * 1_000_003L + day.toEpochDay();
        SpaceTimePermutationScan.Cluster cluster =
                scanner.scan(caseArea, caseDay, settings.clusterReplications(), seed).mostLikely();
        if (cluster.areas().length == 0 || cluster.pValue() >= settings.clusterAlpha()) {
            return Optional.empty();
        }
        List<String> clusterPlaces = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (int area : cluster.areas()) {
            clusterPlaces.add(places.get(area));
        }
        // A cluster reaching back into days already reported for its places repeats that excess: report it once.
        long clusterStart = firstDay + cluster.startDay();
        for (String place : clusterPlaces) {
            Long until = reported.get(place);
            if (until != null && until >= clusterStart) {
                return Optional.empty();
            }
        }
        for (String place : clusterPlaces) {
            reported.put(place, day.toEpochDay());
        }
        for (Map.Entry<Long, StreetDay> entry : inWindow) {
            int dayIndex = (int) (entry.getKey() - firstDay);
            if (dayIndex >= cluster.startDay() && dayIndex <= cluster.endDay()) {
                for (String place : clusterPlaces) {
                    entry.getValue().examples().getOrDefault(place, List.of()).stream()
                            .limit(Math.max(0, 5 - examples.size())).forEach(examples::add);
                }
            }
        }
        LocalDate start = LocalDate.ofEpochDay(firstDay + cluster.startDay());
        LocalDate end = LocalDate.ofEpochDay(firstDay + cluster.endDay());
        String note = String.format(Locale.ROOT, "%.0f demands in %s on %s..%s vs %.1f expected if place and day were"
                + " independent (space-time permutation scan over %d places × %d days, LLR %.2f, p %.4f)",
                cluster.observed(), String.join(", ", clusterPlaces), start, end, cluster.expected(), places.size(),
                window, cluster.llr(), cluster.pValue());
        return Optional.of(Alert.of(AlertKind.CLUSTERED, nodePath, clusterPlaces, start, end,
                cluster.observed(), cluster.expected(), cluster.llr(), cluster.pValue(),
                new Evidence(List.of(), examples, note)));
    }

    private static void sortCases(int[] caseArea, int[] caseDay) {
        long[] packed = new long[caseArea.length];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = ((long) caseArea[i] << 32) | caseDay[i];
        }
        Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            caseArea[i] = (int) (packed[i] >>> 32);
            caseDay[i] = (int) packed[i];
        }
    }
}
