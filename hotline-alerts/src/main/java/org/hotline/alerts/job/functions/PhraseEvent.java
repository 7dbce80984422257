package org.hotline.alerts.job.functions;

import java.util.List;
import java.util.Objects;
import org.hotline.alerts.emerging.Phrases;
import org.hotline.classify.records.TaggedRecord;

/**
 * The phrases of one record (its tokens and adjacent token pairs, {@link Phrases#tokensAndBigrams()}), cut where the
 * records are spread over subtasks so that only phrases travel to the one subtask that counts them.
 *
 * @param district the record's district, {@link FanOutToSeries#UNKNOWN_DISTRICT} when it has none
 */
public record PhraseEvent(String recordId, String district, List<String> phrases) {

    public PhraseEvent {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(district, "district");
        phrases = List.copyOf(phrases);
    }

    public static PhraseEvent of(TaggedRecord tagged) {
        String district = tagged.record().district();
        return new PhraseEvent(tagged.id(),
                district == null || district.isBlank() ? FanOutToSeries.UNKNOWN_DISTRICT : district.strip(),
                List.copyOf(Phrases.tokensAndBigrams().apply(Objects.requireNonNullElse(tagged.tokens(), ""))));
    }
}
