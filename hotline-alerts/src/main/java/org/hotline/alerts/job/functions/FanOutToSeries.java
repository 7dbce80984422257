package org.hotline.alerts.job.functions;

import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.hotline.alerts.alert.NodeLevels;
import org.hotline.classify.records.TaggedRecord;

/**
 * Fans a tagged record out to the series it counts in: its best suggestion's path at every level (1..depth),
 * each in the record's district. A record without a suggestion counts nowhere.
 */
public final class FanOutToSeries implements FlatMapFunction<TaggedRecord, SeriesEvent> {
    private static final long serialVersionUID = 1L;

    /** The district of records that have none. */
    public static final String UNKNOWN_DISTRICT = "未知";

    @Override
    public void flatMap(TaggedRecord tagged, Collector<SeriesEvent> out) {
        List<String> path = tagged.path();
        if (path.isEmpty()) {
            return;
        }
        String district = tagged.record().district();
        if (district == null || district.isBlank()) {
            district = UNKNOWN_DISTRICT;
        }
        List<String> levels = NodeLevels.pathsOf(path);
        for (int level = 1; level <= levels.size(); level++) {
            out.collect(new SeriesEvent(levels.get(level - 1), level, district.strip(), tagged.record().street(),
                    tagged.id(), tagged.tokens()));
        }
    }
}
