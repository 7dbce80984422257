package org.hotline.alerts.elasticsearch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.alerts.alert.Alert;

/**
 * The {@code hotline-alerts} documents: a new alert in full, with status open; and the partial document a repeat
 * sighting merges into an existing one (only lastSeenAt and observed, never the analyst's status). Numbers that are
 * not finite (a p-value the detector has none of, an infinite threshold) are left out.
 */
public final class AlertDocument {
    private AlertDocument() {}

    public static Map<String, Object> created(Alert alert, Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", alert.id());
        doc.put("kind", alert.kind().name());
        doc.put("nodePath", alert.nodePath());
        doc.put("nodeLevel", nodeLevel(alert.nodePath()));
        doc.put("districts", alert.districts());
        doc.put("windowStart", alert.windowStart().toString());
        doc.put("windowEnd", alert.windowEnd().toString());
        putFinite(doc, "observed", alert.observed());
        putFinite(doc, "expected", alert.expected());
        putFinite(doc, "score", alert.score());
        putFinite(doc, "pValue", alert.pValue());
        doc.put("topPhrases", alert.evidence().topPhrases());
        doc.put("exampleRecordIds", alert.evidence().exampleRecordIds());
        doc.put("note", alert.evidence().note());
        doc.put("status", AlertStatus.OPEN.wireName());
        doc.put("firstSeenAt", now.toString());
        doc.put("lastSeenAt", now.toString());
        doc.put("updatedAt", now.toString());
        return doc;
    }

    /** What a repeat sighting changes: when it was last seen and the count then. */
    public static Map<String, Object> seenAgain(Alert alert, Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lastSeenAt", now.toString());
        putFinite(doc, "observed", alert.observed());
        return doc;
    }

    /** Who the alert was e-mailed to when it first appeared. */
    public static Map<String, Object> mailed(List<String> addresses, Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mailedTo", addresses);
        doc.put("mailedAt", now.toString());
        return doc;
    }

    /** "城乡建设/供热" → 2. */
    public static int nodeLevel(String nodePath) {
        return (int) nodePath.chars().filter(c -> c == '/').count() + 1;
    }

    private static void putFinite(Map<String, Object> doc, String field, double value) {
        if (Double.isFinite(value)) {
            doc.put(field, value);
        }
    }
}
