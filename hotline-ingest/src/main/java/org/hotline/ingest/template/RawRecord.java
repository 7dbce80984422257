package org.hotline.ingest.template;

import java.util.Objects;

/**
 * One record as read, before any interpretation: the exact bytes of a JSON line or of a CSV row.
 *
 * @param source        where it came from (a file name, {@code -} for stdin, a topic-partition)
 * @param lineNumber    1-based line of the record's first byte in the source (0 when unknown)
 * @param payload       the record's bytes, at most the reader's cap (see {@code payloadLength})
 * @param payloadLength the record's full length in bytes; larger than {@code payload.length} when the reader cut it
 * @param csv           the header and delimiter when the payload is a CSV row, {@code null} for a JSON line
 */
public record RawRecord(String source, long lineNumber, byte[] payload, long payloadLength, CsvLayout csv) {

    public RawRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }

    /** A whole JSON line (or Kafka message value). */
    public static RawRecord json(String source, long lineNumber, byte[] payload) {
        return new RawRecord(source, lineNumber, payload, payload.length, null);
    }

    public static RawRecord csv(String source, long lineNumber, byte[] payload, CsvLayout layout) {
        return new RawRecord(source, lineNumber, payload, payload.length, Objects.requireNonNull(layout, "layout"));
    }

    public boolean isCsv() {
        return csv != null;
    }

    /** True when the reader kept only the first {@code payload.length} of {@code payloadLength} bytes. */
    public boolean isTruncated() {
        return payloadLength > payload.length;
    }
}
