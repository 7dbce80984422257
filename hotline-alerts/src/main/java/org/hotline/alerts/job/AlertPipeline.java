package org.hotline.alerts.job;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.job.functions.ClusteredDemandFunction;
import org.hotline.alerts.job.functions.CommonDemandFunction;
import org.hotline.alerts.job.functions.DailySeriesFunction;
import org.hotline.alerts.job.functions.EmergingPhraseFunction;
import org.hotline.alerts.job.functions.FanOutToSeries;
import org.hotline.alerts.job.functions.HighFrequencyFunction;
import org.hotline.alerts.job.functions.PhraseEvent;
import org.hotline.alerts.job.functions.SeriesEvent;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.classify.functions.DropReplays;
import org.hotline.classify.serde.JsonTypeInfo;

/**
 * The alert job's logic, between whatever source and sinks {@link AlertJob} wires: drop replayed records (each
 * demand counts once), fan each tagged record out to its node × district series → daily series (SEASONAL,
 * PERIODIC, EMERGING growth of small nodes) and, per district, its days' totals (HIGH_FREQUENCY, by count or share) → per node, COMMON across
 * districts; per node, CLUSTERED over streets × days; and
 * each record's phrases → the city's EMERGING phrases. The input must
 * carry event-time timestamps and watermarks ({@code ReceivedAtTimestamps}). Operator uids are stable so savepoints
 * survive upgrades.
 */
public final class AlertPipeline {
    private AlertPipeline() {}

    /**
     * @return every alert: the series' SEASONAL, PERIODIC and growth (EMERGING) alerts, the districts'
     *     HIGH_FREQUENCY alerts, COMMON, CLUSTERED and (unless {@code alerts.emergingWindowDays} is 0) EMERGING
     *     phrase alerts
     */
    public static DataStream<Alert> attach(DataStream<TaggedRecord> tagged, AlertSettings settings) {
        DataStream<TaggedRecord> once = tagged
                .keyBy(TaggedRecord::id, Types.STRING)
                .process(new DropReplays<>(settings.replayTtl(), TaggedRecord::record),
                        JsonTypeInfo.of(TaggedRecord.class))
                .name("drop replays").uid("drop-replays");
        DataStream<SeriesEvent> events = once
                .flatMap(new FanOutToSeries(), JsonTypeInfo.of(SeriesEvent.class))
                .name("fan out to node × district series").uid("fan-out-series");
        DataStream<Alert> seriesAlerts = events
                .keyBy(SeriesEvent::seriesKey, Types.STRING)
                .process(new DailySeriesFunction(settings), JsonTypeInfo.of(Alert.class))
                .name("daily series: seasonal, periodic, growth").uid("daily-series");
        DataStream<Alert> highFrequencyAlerts = events
                .keyBy(SeriesEvent::district, Types.STRING)
                .process(new HighFrequencyFunction(settings), JsonTypeInfo.of(Alert.class))
                .name("district days: high-frequency").uid("high-frequency");
        DataStream<Alert> commonAlerts = seriesAlerts.union(highFrequencyAlerts)
                .filter(CommonDemandFunction::counts)
                .name("alerts that count for common demands").uid("common-candidates")
                .keyBy(Alert::nodePath, Types.STRING)
                .process(new CommonDemandFunction(settings.days(), settings.commonMinDistricts(),
                        settings.commonWindowDays()), JsonTypeInfo.of(Alert.class))
                .name("common demands across districts").uid("common-demands");
        DataStream<Alert> clusteredAlerts = events
                .keyBy(SeriesEvent::nodePath, Types.STRING)
                .process(new ClusteredDemandFunction(settings), JsonTypeInfo.of(Alert.class))
                .name("street-level clusters").uid("clustered-demands");
        DataStream<Alert> alerts = seriesAlerts.union(highFrequencyAlerts, commonAlerts, clusteredAlerts);
        return settings.emerging().enabled() ? alerts.union(emergingAlerts(once, settings)) : alerts;
    }

    /** Phrases are cut in parallel; their counting and burst detection run under one key, the city's. */
    private static DataStream<Alert> emergingAlerts(DataStream<TaggedRecord> once, AlertSettings settings) {
        return once
                .map(PhraseEvent::of, JsonTypeInfo.of(PhraseEvent.class))
                .name("phrases of each record").uid("record-phrases")
                .keyBy(event -> EmergingPhraseFunction.CITY, Types.STRING)
                .process(new EmergingPhraseFunction(settings), JsonTypeInfo.of(Alert.class))
                .name("emerging phrases (one subtask)").uid("emerging-phrases");
    }
}
