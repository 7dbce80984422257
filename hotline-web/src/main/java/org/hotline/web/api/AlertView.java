package org.hotline.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.hotline.alerts.elasticsearch.StoredAlert;

/** An alert as the dashboard shows it: the stored alert without the version fields only a status change needs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(String id, String kind, String nodePath, List<String> districts, String windowStart,
                        String windowEnd, Double observed, Double expected, Double score, String note,
                        List<String> topPhrases, List<String> exampleRecordIds, String status, String firstSeenAt,
                        String lastSeenAt, String updatedAt, String statusBy, String statusNote) {

    public static AlertView of(StoredAlert a) {
        return new AlertView(a.id(), a.kind(), a.nodePath(), a.districts(), a.windowStart(), a.windowEnd(),
                finite(a.observed()), finite(a.expected()), finite(a.score()), a.note(), a.topPhrases(),
                a.exampleRecordIds(), a.status().wireName(), a.firstSeenAt(), a.lastSeenAt(), a.updatedAt(),
                a.statusBy(), a.statusNote());
    }

    /** JSON has no NaN: an unknown number is left out. */
    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
