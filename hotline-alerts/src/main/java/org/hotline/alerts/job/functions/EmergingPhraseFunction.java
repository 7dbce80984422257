package org.hotline.alerts.job.functions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.emerging.EmergingPhraseDetector;
import org.hotline.alerts.emerging.EmergingPhraseDetector.PhraseEvidence;
import org.hotline.alerts.emerging.KleinbergBurst;
import org.hotline.alerts.emerging.Phrases;
import org.hotline.alerts.job.AlertSettings;
import org.hotline.alerts.job.EmergingSettings;
import org.hotline.classify.serde.JsonTypeInfo;

/**
 * 苗头性 phrases of the whole city, under the single key {@link #CITY}: counts each open day's records and, per
 * phrase, the records that had it; when the watermark passes the end of a day, keeps of that day only the phrases at
 * least {@code dailyFloor} records had and the taxonomy does not know, with the day's record count, and runs
 * {@link EmergingPhraseDetector} (Kleinberg bursts) over the last {@code windowDays} closed days: an EMERGING alert
 * for each phrase whose burst began within the last {@code recentDays}, seen in at least {@code minCount} records
 * there, at least {@value #MIN_LIFT} times what its earlier share predicts, and improbable by chance. A phrase whose
 * recent records are mostly those of a phrase reported in its burst is the same event and is not alerted again (a
 * new problem's wording is often cut into several pieces that rise one after the other).
 *
 * <p>One key, so one subtask does all the phrase work: for a city (tens of thousands of records a day, a few dozen
 * phrases each) that is a few hundred thousand state updates a day; the phrases are cut upstream, in parallel.
 * Decisions start once the window is full ({@code windowDays} days after the first), so the baseline is never
 * shorter than intended. A phrase is reported once per burst: not again while its last report's recent window
 * lasts, after which the detector no longer sees a burst that began in the recent days anyway.
 *
 * <p>The floor truncates a phrase's counts on days below it to zero, before and during a burst alike; a phrase rarer
 * than the floor every day is never seen. A record later than its day's end is counted in the metric
 * {@code lateRecords} only. Known terms (node names and keywords, or phrases containing one) are
 * dropped at the day's end, as SEASONAL already watches their nodes.
 */
public final class EmergingPhraseFunction extends KeyedProcessFunction<String, PhraseEvent, Alert> {
    private static final long serialVersionUID = 1L;

    /** The one key: the city. */
    public static final String CITY = "city";
    /** A burst must at least double its phrase's earlier share, as in the batch detector's documentation. */
    static final double MIN_LIFT = 2.0;
    /** Separates the day and the phrase in the open phrases' keys; tokens never contain it. */
    private static final char SEPARATOR = '\u001f';

    private final AlertSettings settings;

    private transient CityDays days;
    private transient EmergingSettings emerging;
    private transient EmergingPhraseDetector detector;
    private transient MapState<Long, Integer> openDocuments;
    private transient MapState<String, PhraseTally> openPhrases;
    private transient MapState<Long, PhraseDay> closedDays;
    private transient MapState<String, Long> reported;
    private transient Counter lateRecords;

    public EmergingPhraseFunction(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        days = settings.days();
        emerging = settings.emerging();
        detector = new EmergingPhraseDetector(Phrases.tokensAndBigrams(), KleinbergBurst.standard(),
                emerging.knownTerms(), emerging.recentDays(), emerging.minCount(), MIN_LIFT, emerging.alpha(),
                emerging.dailyFloor(), days.zone());
        openDocuments = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("open-documents", Types.LONG, Types.INT));
        openPhrases = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("open-phrases", Types.STRING, JsonTypeInfo.of(PhraseTally.class)));
        closedDays = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("closed-days", Types.LONG, JsonTypeInfo.of(PhraseDay.class)));
        reported = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("reported-on", Types.STRING, Types.LONG));
        lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
    }

    @Override
    public void processElement(PhraseEvent event, Context ctx, Collector<Alert> out) throws Exception {
        LocalDate day = days.dayOf(ctx.timestamp());
        long endOfDay = days.endOfDay(day);
        if (endOfDay <= ctx.timerService().currentWatermark()) {
            lateRecords.inc();
            return;
        }
        Integer documents = openDocuments.get(day.toEpochDay());
        if (documents == null) {
            documents = 0;
            ctx.timerService().registerEventTimeTimer(endOfDay);
        }
        openDocuments.put(day.toEpochDay(), documents + 1);
        for (String phrase : event.phrases()) {
            String key = openKey(day, phrase);
            PhraseTally tally = openPhrases.get(key);
            openPhrases.put(key, (tally == null ? PhraseTally.EMPTY : tally).plus(event.recordId(), event.district()));
        }
    }

    private static String openKey(LocalDate day, String phrase) {
        return Long.toString(day.toEpochDay()) + SEPARATOR + phrase;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        LocalDate day = days.dayOf(timestamp);
        long firstDay = day.toEpochDay() - emerging.windowDays() + 1;
        boolean windowFull = oldestClosedDay() <= firstDay;
        forgetBefore(firstDay, day);
        if (days.startOfDay(day) == timestamp || !openDocuments.contains(day.toEpochDay())) {
            return; // a purge timer
        }
        closeDay(day);
        if (windowFull) {
            for (Alert alert : detect(day, firstDay)) {
                out.collect(alert);
            }
        }
        // Once the city falls silent, this drops the last days when they leave the window.
        ctx.timerService().registerEventTimeTimer(days.startOfDay(day.plusDays(emerging.windowDays())));
    }

    private long oldestClosedDay() throws Exception {
        long oldest = Long.MAX_VALUE;
        for (Long epochDay : closedDays.keys()) {
            oldest = Math.min(oldest, epochDay);
        }
        return oldest;
    }

    /** Drops the days before the window, the evidence of the day that left the recent days, and old reports. */
    private void forgetBefore(long firstDay, LocalDate day) throws Exception {
        List<Long> expired = new ArrayList<>();
        for (Long epochDay : closedDays.keys()) {
            if (epochDay < firstDay) {
                expired.add(epochDay);
            }
        }
        for (Long epochDay : expired) {
            closedDays.remove(epochDay);
        }
        long leftRecent = day.toEpochDay() - emerging.recentDays();
        PhraseDay old = closedDays.get(leftRecent);
        if (old != null) {
            closedDays.put(leftRecent, old.withoutEvidence());
        }
        List<String> forgotten = new ArrayList<>();
        for (Map.Entry<String, Long> entry : reported.entries()) {
            if (entry.getValue() <= leftRecent) {
                forgotten.add(entry.getKey());
            }
        }
        for (String phrase : forgotten) {
            reported.remove(phrase);
        }
    }

    /** Moves the open day into the closed days, keeping the phrases at or above the floor that are unknown. */
    private void closeDay(LocalDate day) throws Exception {
        String prefix = Long.toString(day.toEpochDay()) + SEPARATOR;
        Map<String, PhraseTally> kept = new TreeMap<>();
        List<String> closed = new ArrayList<>();
        for (Map.Entry<String, PhraseTally> entry : openPhrases.entries()) {
            if (entry.getKey().startsWith(prefix)) {
                closed.add(entry.getKey());
                String phrase = entry.getKey().substring(prefix.length());
                if (entry.getValue().count() >= emerging.dailyFloor() && !detector.isKnown(phrase)) {
                    kept.put(phrase, entry.getValue());
                }
            }
        }
        for (String key : closed) {
            openPhrases.remove(key);
        }
        closedDays.put(day.toEpochDay(), new PhraseDay(openDocuments.get(day.toEpochDay()), kept));
        openDocuments.remove(day.toEpochDay());
    }

    /** Burst detection over the window's closed days; phrases reported in their current burst are left out. */
    private List<Alert> detect(LocalDate day, long firstDay) throws Exception {
        int window = emerging.windowDays();
        int recentFrom = window - emerging.recentDays();
        int[] documents = new int[window];
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Set<String>> places = new HashMap<>();
        Map<String, List<List<String>>> samples = new HashMap<>();
        TreeMap<Long, PhraseDay> byDay = new TreeMap<>();
        for (Map.Entry<Long, PhraseDay> entry : closedDays.entries()) {
            byDay.put(entry.getKey(), entry.getValue());
        }
        byDay.forEach((epochDay, closed) -> {
            int t = (int) (epochDay - firstDay);
            documents[t] = closed.documents();
            closed.phrases().forEach((phrase, tally) -> {
                counts.computeIfAbsent(phrase, p -> new int[window])[t] = tally.count();
                if (t >= recentFrom) {
                    // The alert names the districts its records came from; "unknown" is no place to tell.
                    Set<String> where = places.computeIfAbsent(phrase, p -> new LinkedHashSet<>());
                    tally.districts().stream().filter(d -> !d.equals(FanOutToSeries.UNKNOWN_DISTRICT))
                            .forEach(where::add);
                    samples.computeIfAbsent(phrase, p -> new ArrayList<>(Collections.nCopies(window - recentFrom,
                            List.of()))).set(t - recentFrom, tally.exampleRecordIds());
                }
            });
        });
        Map<String, PhraseEvidence> evidence = new HashMap<>();
        places.forEach((phrase, where) -> evidence.put(phrase, new PhraseEvidence(where, samples.get(phrase))));
        List<Alert> alerts = new ArrayList<>();
        Set<String> reportedPhrases = new HashSet<>();
        reported.keys().forEach(reportedPhrases::add);
        for (Alert alert : detector.detect(LocalDate.ofEpochDay(firstDay), documents, counts, evidence,
                reportedPhrases)) {
            // The phrases folded into an alert are reported with it, whichever of them leads tomorrow.
            for (String phrase : alert.evidence().topPhrases()) {
                reported.put(phrase, day.toEpochDay());
            }
            alerts.add(alert);
        }
        return alerts;
    }
}
