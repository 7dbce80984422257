package org.hotline.alerts.elasticsearch;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An alert as stored in the alert index, with its lifecycle fields and the version ({@code seqNo},
 * {@code primaryTerm}) a status change must match.
 */
public record StoredAlert(String id, String kind, String nodePath, List<String> districts, String windowStart,
                          String windowEnd, Double observed, Double expected, Double score, String note,
                          List<String> topPhrases, List<String> exampleRecordIds, AlertStatus status,
                          String firstSeenAt, String lastSeenAt, String updatedAt, String statusBy, String statusNote,
                          long seqNo, long primaryTerm) {

    static StoredAlert from(String id, Map<?, ?> source, Long seqNo, Long primaryTerm) {
        Objects.requireNonNull(source, "source of alert " + id);
        return new StoredAlert(id, string(source, "kind"), string(source, "nodePath"), strings(source, "districts"),
                string(source, "windowStart"), string(source, "windowEnd"), number(source, "observed"),
                number(source, "expected"), number(source, "score"), string(source, "note"),
                strings(source, "topPhrases"), strings(source, "exampleRecordIds"),
                AlertStatus.parse(Objects.requireNonNullElse(string(source, "status"), "open")),
                string(source, "firstSeenAt"), string(source, "lastSeenAt"), string(source, "updatedAt"),
                string(source, "statusBy"), string(source, "statusNote"),
                seqNo == null ? -1 : seqNo, primaryTerm == null ? -1 : primaryTerm);
    }

    private static String string(Map<?, ?> source, String field) {
        Object value = source.get(field);
        return value == null ? null : value.toString();
    }

    private static Double number(Map<?, ?> source, String field) {
        Object value = source.get(field);
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static List<String> strings(Map<?, ?> source, String field) {
        Object value = source.get(field);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
