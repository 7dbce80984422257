package org.hotline.alerts.alert;

import java.util.List;
import java.util.Objects;

/**
 * Why an alert fired, for the analyst who reads it.
 *
 * @param topPhrases       the most telling phrases of the records behind the alert (may be empty)
 * @param exampleRecordIds a few record ids to open
 * @param note             one line in plain words, e.g. "heating rise started on 2016-10-12, 2015-10-15 …"
 */
public record Evidence(List<String> topPhrases, List<String> exampleRecordIds, String note) {

    public static final Evidence NONE = new Evidence(List.of(), List.of(), "");

    public Evidence {
        topPhrases = List.copyOf(Objects.requireNonNull(topPhrases, "topPhrases"));
        exampleRecordIds = List.copyOf(Objects.requireNonNull(exampleRecordIds, "exampleRecordIds"));
        note = Objects.requireNonNullElse(note, "");
    }

    public static Evidence note(String note) {
        return new Evidence(List.of(), List.of(), note);
    }
}
