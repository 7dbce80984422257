package org.hotline.classify.elasticsearch;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.classifier.Suggestion;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.Reply;

/**
 * Turns a {@link TaggedRecord} into the {@code hotline-records} document. The taxonomy path is stored as values
 * (a keyword array plus one field per level), never as field names, so a new taxonomy node never changes the
 * mapping. Absent values are left out rather than written as null.
 */
public final class RecordDocument {
    private RecordDocument() {}

    public static Map<String, Object> toDocument(TaggedRecord tagged) {
        HotlineRecord record = tagged.record();
        Map<String, Object> doc = new LinkedHashMap<>();
        put(doc, "id", record.id());
        if (record.receivedAt() != null) {
            // ISO_OFFSET_DATE_TIME always writes seconds; OffsetDateTime.toString() drops zero seconds.
            doc.put("receivedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.receivedAt()));
        }
        put(doc, "title", record.title());
        put(doc, "content", record.content());
        put(doc, "tokens", tagged.tokens());
        if (record.channel() != null) {
            doc.put("channel", record.channel().wireName());
        }
        put(doc, "district", record.district());
        put(doc, "street", record.street());
        put(doc, "address", record.address());
        if (record.location() != null) {
            doc.put("location", Map.of("lat", record.location().lat(), "lon", record.location().lon()));
        }
        if (record.caller() != null) {
            Map<String, Object> caller = new LinkedHashMap<>();
            put(caller, "phone", record.caller().phone());
            put(caller, "name", record.caller().name());
            doc.put("caller", caller);
        }
        put(doc, "enterprise", record.enterprise());
        doc.put("labels", record.labels());
        if (record.reply() != null) {
            doc.put("reply", reply(record.reply()));
        }
        putPath(doc, tagged.path());
        if (!tagged.suggestions().isEmpty()) {
            doc.put("score", tagged.suggestions().get(0).score());
        }
        doc.put("needsReview", tagged.needsReview());
        put(doc, "department", tagged.department());
        doc.put("suggestions", suggestions(tagged.suggestions()));
        put(doc, "modelVersion", tagged.modelVersion());
        if (tagged.taggedAt() != null) {
            doc.put("taggedAt", tagged.taggedAt().toString());
        }
        return doc;
    }

    private static Map<String, Object> reply(Reply reply) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "text", reply.text());
        if (reply.repliedAt() != null) {
            out.put("repliedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(reply.repliedAt()));
        }
        put(out, "department", reply.department());
        return out;
    }

    private static void putPath(Map<String, Object> doc, List<String> path) {
        doc.put("path", path);
        for (int level = 1; level <= 3 && level <= path.size(); level++) {
            doc.put("level" + level, path.get(level - 1));
        }
        if (!path.isEmpty()) {
            doc.put("leaf", path.get(path.size() - 1));
        }
    }

    private static List<Map<String, Object>> suggestions(List<Suggestion> suggestions) {
        List<Map<String, Object>> out = new ArrayList<>(suggestions.size());
        for (Suggestion suggestion : suggestions) {
            out.add(Map.of("path", suggestion.path(), "score", suggestion.score()));
        }
        return out;
    }

    private static void put(Map<String, Object> doc, String field, Object value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
