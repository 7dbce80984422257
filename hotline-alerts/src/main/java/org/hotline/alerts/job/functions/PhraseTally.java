package org.hotline.alerts.job.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One phrase on one day: how many records had it, the first few of them and their districts (a city has a few
 * dozen at most). Days that have left the recent window keep the count alone ({@link #withoutEvidence()}).
 */
public record PhraseTally(int count, List<String> exampleRecordIds, List<String> districts) {
    public static final int MAX_EXAMPLES = 3;

    public static final PhraseTally EMPTY = new PhraseTally(0, List.of(), List.of());

    public PhraseTally {
        exampleRecordIds = List.copyOf(Objects.requireNonNullElse(exampleRecordIds, List.of()));
        districts = List.copyOf(Objects.requireNonNullElse(districts, List.of()));
    }

    /** This tally with one more record. */
    public PhraseTally plus(String recordId, String district) {
        List<String> examples = exampleRecordIds;
        if (examples.size() < MAX_EXAMPLES) {
            examples = new ArrayList<>(examples);
            examples.add(recordId);
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
