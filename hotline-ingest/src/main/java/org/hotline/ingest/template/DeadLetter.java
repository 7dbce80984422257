package org.hotline.ingest.template;

import java.util.Objects;

/**
 * A record intake refused, with why and where. It holds the original bytes; how they are written out
 * (masked or not, base64 or text, cut or not) is {@link DeadLetterEncoder}'s business.
 *
 * @param reason        machine-readable reason
 * @param field         the template field at fault, {@code null} when the record as a whole is
 * @param message       one line for a person
 * @param source        file name, {@code -} for stdin, or topic-partition
 * @param lineNumber    1-based line in the source, 0 when unknown
 * @param recordId      the record's id when it could be read, else {@code null}
 * @param payload       the bytes as read (possibly cut by the reader, see {@code payloadLength})
 * @param payloadLength the record's full length in bytes
 */
public record DeadLetter(
        RejectReason reason,
        String field,
        String message,
        String source,
        long lineNumber,
        String recordId,
        byte[] payload,
        long payloadLength) {

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }

    public static DeadLetter of(RawRecord raw, RejectReason reason, String field, String message, String recordId) {
        return new DeadLetter(reason, field, message, raw.source(), raw.lineNumber(), recordId, raw.payload(),
                raw.payloadLength());
    }

    /** The record's id, else where it was read ({@code source:line}): the Kafka key of the dead letter. */
    public String key() {
        return recordId != null ? recordId : source + ":" + lineNumber;
    }
}
