package org.hotline.alerts.job.functions;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.hotline.alerts.emerging.EmergingPhraseDetector;

/**
 * One phrase on one day: how many records had it, the few with the smallest ids and their districts (a city has a
 * few dozen at most). The smallest ids, not the first to arrive: records reach the one counting subtask in an order
 * that differs between runs, and the examples decide which phrases an alert folds together, so a replay must pick
 * the same ones; they are also a bottom-k sample of the day's records with the phrase, from which the detector
 * estimates how far two phrases' records overlap. Days that have left the recent window keep the count alone
 * ({@link #withoutEvidence()}).
 */
public record PhraseTally(int count, List<String> exampleRecordIds, List<String> districts) {
    public static final int MAX_EXAMPLES = EmergingPhraseDetector.SAMPLE_PER_DAY;

    public static final PhraseTally EMPTY = new PhraseTally(0, List.of(), List.of());

    public PhraseTally {
        exampleRecordIds = List.copyOf(Objects.requireNonNullElse(exampleRecordIds, List.of()));
        districts = List.copyOf(Objects.requireNonNullElse(districts, List.of()));
    }

    /** This tally with one more record. */
    public PhraseTally plus(String recordId, String district) {
        List<String> examples = exampleRecordIds;
        if (examples.size() < MAX_EXAMPLES || recordId.compareTo(examples.get(examples.size() - 1)) < 0) {
            TreeSet<String> smallest = new TreeSet<>(examples);
            smallest.add(recordId);
            examples = smallest.stream().limit(MAX_EXAMPLES).toList();
        }
        List<String> places = districts;
        if (!places.contains(district)) {
            TreeSet<String> sorted = new TreeSet<>(places);
            sorted.add(district);
            places = List.copyOf(sorted);
        }
        return new PhraseTally(count + 1, examples, places);
    }

    public PhraseTally withoutEvidence() {
        return new PhraseTally(count, List.of(), List.of());
    }
}
