package org.hotline.alerts.job.functions;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A closed day of the city's phrase counts: all its records, and the phrases at least {@code dailyFloor} of them had
 * (unknown to the taxonomy; the rest are not kept).
 */
public record PhraseDay(int documents, Map<String, PhraseTally> phrases) {

    public PhraseDay {
        phrases = Map.copyOf(Objects.requireNonNullElse(phrases, Map.of()));
    }

    /** The same counts without example ids and districts: for days that have left the recent window. */
    public PhraseDay withoutEvidence() {
        Map<String, PhraseTally> counts = new TreeMap<>();
        phrases.forEach((phrase, tally) -> counts.put(phrase, tally.withoutEvidence()));
        return new PhraseDay(documents, counts);
    }
}
