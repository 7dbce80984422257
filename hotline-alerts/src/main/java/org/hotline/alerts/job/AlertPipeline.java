package org.hotline.alerts.job;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.job.functions.ClusteredDemandFunction;
import org.hotline.alerts.job.functions.CommonDemandFunction;
import org.hotline.alerts.job.functions.DailySeriesFunction;
import org.hotline.alerts.job.functions.FanOutToSeries;
import org.hotline.alerts.job.functions.SeriesEvent;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.classify.functions.DropReplays;
import org.hotline.classify.serde.JsonTypeInfo;

/**
 * The alert job's logic, between whatever source and sinks {@link AlertJob} wires: drop replayed records (each
 * demand counts once), fan each tagged record out to its node × district series → daily series (SEASONAL,
 * HIGH_FREQUENCY) → per node, COMMON across districts; and per node, CLUSTERED over streets × days. The input must
 * carry event-time timestamps and watermarks ({@code ReceivedAtTimestamps}). Operator uids are stable so savepoints
 * survive upgrades.
 */
public final class AlertPipeline {
    private AlertPipeline() {}

    /** @return every alert: the series' SEASONAL and HIGH_FREQUENCY alerts, COMMON and CLUSTERED alerts */
    public static DataStream<Alert> attach(DataStream<TaggedRecord> tagged, AlertSettings settings) {
        DataStream<SeriesEvent> events = tagged
                .keyBy(TaggedRecord::id, Types.STRING)
                .process(new DropReplays<>(settings.replayTtl(), TaggedRecord::record),
                        JsonTypeInfo.of(TaggedRecord.class))
                .name("drop replays").uid("drop-replays")
                .flatMap(new FanOutToSeries(), JsonTypeInfo.of(SeriesEvent.class))
                .name("fan out to node × district series").uid("fan-out-series");
        DataStream<Alert> seriesAlerts = events
                .keyBy(SeriesEvent::seriesKey, Types.STRING)
                .process(new DailySeriesFunction(settings), JsonTypeInfo.of(Alert.class))
                .name("daily series: seasonal, high-frequency").uid("daily-series");
        DataStream<Alert> commonAlerts = seriesAlerts
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
        return seriesAlerts.union(commonAlerts, clusteredAlerts);
    }
}
