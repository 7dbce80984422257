package org.hotline.models.records;

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
public record Reply(String text, OffsetDateTime repliedAt, String department) {}
