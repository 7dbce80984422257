package org.hotline.alerts.job.functions;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline.alerts.emerging.Phrases;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.records.HotlineRecord;

/**
 * The phrases of one record (its tokens and adjacent token pairs, {@link Phrases#tokensAndBigrams()}), cut where the
 * records are spread over subtasks so that only phrases travel to the one subtask that counts them. Phrases that name
 * the record's own place (part of its district, street or address) are left out: where a demand is says nothing about
 * what is new, and a surge in one place would otherwise raise its street's name as a new phrase (CLUSTERED and
 * SEASONAL already report places).
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
        HotlineRecord record = tagged.record();
        String district = record.district();
        String place = Stream.of(district, record.street(), record.address()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        // A place token becomes a separator, so it neither stands alone nor pairs with its neighbours.
        String tokens = Arrays.stream(Objects.requireNonNullElse(tagged.tokens(), "").strip().split("\\s+"))
                .map(token -> !token.isEmpty() && place.contains(token) ? "," : token)
                .collect(Collectors.joining(" "));
        List<String> phrases = List.copyOf(Phrases.tokensAndBigrams().apply(tokens));
        return new PhraseEvent(tagged.id(),
                district == null || district.isBlank() ? FanOutToSeries.UNKNOWN_DISTRICT : district.strip(), phrases);
    }
}
