package org.hotline.ingest.template;

/**
 * Size limits of one record.
 *
 * @param maxFieldChars  longest accepted text field (title, content, address …), in UTF-16 chars
 * @param maxRecordBytes longest accepted record, in bytes of its source line/row
 */
public record IntakeLimits(int maxFieldChars, int maxRecordBytes) {
    public static final int DEFAULT_MAX_FIELD_CHARS = 20_000;
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

    public IntakeLimits {
        if (maxFieldChars < 1 || maxRecordBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxFieldChars + ", " + maxRecordBytes);
        }
    }

    public static IntakeLimits defaults() {
        return new IntakeLimits(DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_RECORD_BYTES);
    }
}
