package org.hotline.alerts.job.functions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.classifier.Suggestion;
import org.hotline.models.records.Channel;
import org.hotline.models.records.HotlineRecord;

/** Tagged records and series events for the alert job's tests. */
public final class TestRecords {
    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    public static final CityDays DAYS = CityDays.of("Asia/Shanghai");

    private TestRecords() {}

    public static TaggedRecord tagged(String id, LocalDate day, LocalTime time, String district, String tokens,
                                      List<String> path) {
        HotlineRecord record = new HotlineRecord(id, OffsetDateTime.of(day, time, BEIJING), null, tokens.replace(" ", ""),
                Channel.PHONE, district, district == null ? null : district + "一街道", null, null, null, false,
                List.of());
        return new TaggedRecord(record, tokens, path.isEmpty() ? List.of() : List.of(new Suggestion(path, 0.9)),
                false, "住建委", "test", Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static SeriesEvent event(String node, String district, String id, String tokens) {
        return new SeriesEvent(node, (int) node.chars().filter(c -> c == '/').count() + 1, district, null, id, tokens);
    }

    /** 10:00 Beijing time on {@code day}. */
    public static long at(LocalDate day) {
        return DAYS.startOfDay(day) + 10 * 3_600_000L;
    }
}
