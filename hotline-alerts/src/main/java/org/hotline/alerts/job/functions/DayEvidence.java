package org.hotline.alerts.job.functions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.emerging.Phrases;

/**
 * What one series keeps about the day still open: the count, the first few record ids and the counts of at most
 * {@link #MAX_TOKENS} distinct tokens (tokens first seen once the table is full are not counted, so on a busy day
 * the top tokens are those of its earlier records: good enough for an analyst's hint, and bounded).
 */
public record DayEvidence(int count, List<String> exampleRecordIds, Map<String, Integer> tokenCounts) {
    public static final int MAX_EXAMPLES = 3;
    public static final int MAX_TOKENS = 64;
    public static final int TOP_PHRASES = 5;

    public static final DayEvidence EMPTY = new DayEvidence(0, List.of(), Map.of());

    public DayEvidence {
        exampleRecordIds = List.copyOf(Objects.requireNonNullElse(exampleRecordIds, List.of()));
        tokenCounts = Map.copyOf(Objects.requireNonNullElse(tokenCounts, Map.of()));
    }

    /** This day with one more record. */
    public DayEvidence plus(String recordId, String tokens) {
        List<String> examples = exampleRecordIds;
        if (examples.size() < MAX_EXAMPLES && recordId != null && !examples.contains(recordId)) {
            examples = new ArrayList<>(examples);
            examples.add(recordId);
        }
        Map<String, Integer> counts = new LinkedHashMap<>(tokenCounts);
        if (tokens != null) {
            for (String token : tokens.split("\\s+")) {
                if (Phrases.isWordLike(token) && (counts.containsKey(token) || counts.size() < MAX_TOKENS)) {
                    counts.merge(token, 1, Integer::sum);
                }
            }
        }
        return new DayEvidence(count + 1, examples, counts);
    }

    /** The most frequent tokens, ties in lexical order. */
    public List<String> topTokens() {
        return tokenCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(TOP_PHRASES)
                .map(Map.Entry::getKey)
                .toList();
    }

    public Evidence toEvidence() {
        return new Evidence(topTokens(), exampleRecordIds, "");
    }
}
