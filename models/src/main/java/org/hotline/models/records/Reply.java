package org.hotline.models.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * The official answer to a demand (答复意见), when the source system has one. Masked by intake like the content.
 *
 * @param text       the answer as sent to the citizen
 * @param repliedAt  when it was sent, or null when unknown
 * @param department who answered (承办单位), or null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(String text, OffsetDateTime repliedAt, String department) {

    /**
     * A reply given as plain text, as exports such as the Teddy Cup files write it ({@code "reply": "…"}), for the
     * tools that read record files directly (train, predict, evaluate); intake also reads the time and department
     * written beside it.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Reply ofText(String text) {
        return new Reply(text, null, null);
    }
}
