package org.hotline.ingest.template;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why intake refused a record. The wire code (e.g. {@code blank_content}) is what dead letters and summaries carry. */
public enum RejectReason {
    /** The line is not a JSON object (or a CSV row could not be parsed). */
    NOT_JSON,
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8,
    /** The record, or one text field, is over the configured size limit. */
    OVERSIZE,
    /** A required field ({@code id} or {@code receivedAt}) is absent or blank. */
    MISSING_FIELD,
    /** {@code content} is absent, empty or only whitespace. */
    BLANK_CONTENT,
    /** {@code receivedAt} cannot be read as a time with an offset (or as a profile time format). */
    BAD_TIME,
    /** A field has the wrong JSON type (e.g. a number where text is expected). */
    WRONG_TYPE,
    /** {@code channel} is not one of phone/web/app/wechat/email/other (after the profile's value mapping). */
    UNKNOWN_CHANNEL,
    /** {@code location} is outside lat [-90, 90] / lon [-180, 180]. */
    BAD_LOCATION,
    /** Another record of the same batch already used this id. */
    DUPLICATE_ID;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
