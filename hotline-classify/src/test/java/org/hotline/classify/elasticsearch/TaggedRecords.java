package org.hotline.classify.elasticsearch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.classifier.Suggestion;
import org.hotline.models.records.Caller;
import org.hotline.models.records.Channel;
import org.hotline.models.records.GeoPoint;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.Reply;

/** Test records built from the constructors, the way the classify job builds them. */
final class TaggedRecords {
    private TaggedRecords() {}

    static TaggedRecord full(String id) {
        HotlineRecord record = new HotlineRecord(id, OffsetDateTime.parse("2024-03-01T08:30:00+08:00"),
                "小区噪音扰民", "夜间施工噪音很大，影响休息", Channel.PHONE, "东城区", "和平里街道", "和平里小区3号楼",
                new GeoPoint(39.95, 116.42), new Caller("138****5678", "张*"), false,
                List.of("城乡建设", "建筑施工", "夜间施工"),
                new Reply("经核实已责令施工方停止夜间施工。", OffsetDateTime.parse("2024-03-04T10:00:00+08:00"), "区住建委"));
        return new TaggedRecord(record, "小区 噪音 扰民 夜间 施工 噪音 很 大 影响 休息",
                List.of(new Suggestion(List.of("城乡建设", "建筑施工", "夜间施工"), 0.82),
                        new Suggestion(List.of("生态环境", "噪声污染"), 0.11)),
                false, "区住建委", "model-2024-03", Instant.parse("2024-03-01T00:30:05Z"));
    }

    static TaggedRecord minimal(String id) {
        HotlineRecord record = new HotlineRecord(id, null, null, "路灯不亮", null, null, null, null, null, null,
                null, null);
        return new TaggedRecord(record, "路灯 不 亮", List.of(), true, null, "model-2024-03",
                Instant.parse("2024-03-01T00:30:05Z"));
    }
}
