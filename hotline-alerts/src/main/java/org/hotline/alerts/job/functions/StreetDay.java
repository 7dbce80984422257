package org.hotline.alerts.job.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One node's records of one day by place ("district/street"): counts and up to {@link #MAX_EXAMPLES} record ids per
 * place, for the street-level cluster scan.
 */
public record StreetDay(Map<String, Integer> counts, Map<String, List<String>> examples) {
    public static final int MAX_EXAMPLES = 2;
    public static final StreetDay EMPTY = new StreetDay(Map.of(), Map.of());

    public StreetDay {
        counts = Map.copyOf(Objects.requireNonNullElse(counts, Map.of()));
        examples = Map.copyOf(Objects.requireNonNullElse(examples, Map.of()));
    }

    public StreetDay plus(String place, String recordId) {
        Map<String, Integer> nextCounts = new TreeMap<>(counts);
        nextCounts.merge(place, 1, Integer::sum);
        Map<String, List<String>> nextExamples = new TreeMap<>(examples);
        List<String> ids = nextExamples.getOrDefault(place, List.of());
        if (ids.size() < MAX_EXAMPLES && recordId != null) {
            ids = new ArrayList<>(ids);
            ids.add(recordId);
            nextExamples.put(place, List.copyOf(ids));
        }
        return new StreetDay(nextCounts, nextExamples);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
