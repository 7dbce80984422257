package org.hotline.classify.records;

import java.time.Instant;
import java.util.List;
import org.hotline.models.classifier.Suggestion;
import org.hotline.models.records.HotlineRecord;

/**
 * A PII-masked intake record with the classifier's suggestions: what the classify job writes to Elasticsearch
 * ({@code hotline-records}) and to Kafka ({@code hotline.tagged}).
 *
 * @param record       the masked intake record (never raw PII)
 * @param tokens       HanLP tokens of title + content, space-joined, for whitespace-analysed Chinese search
 * @param suggestions  ranked taxonomy paths, best first
 * @param needsReview  true when the best suggestion is below the review threshold
 * @param department   the department responsible for the best suggestion's node
 * @param modelVersion which model produced the suggestions
 * @param taggedAt     when the job tagged it
 */
public record TaggedRecord(
        HotlineRecord record,
        String tokens,
        List<Suggestion> suggestions,
        boolean needsReview,
        String department,
        String modelVersion,
        Instant taggedAt) {

    public TaggedRecord {
        suggestions = List.copyOf(suggestions);
    }

    public String id() {
        return record.id();
    }

    /** The best suggested path, level 1 first. */
    public List<String> path() {
        return suggestions.isEmpty() ? List.of() : suggestions.get(0).path();
    }
}
