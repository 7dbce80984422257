package org.hotline.ingest.read;

import java.io.Closeable;
import java.util.Iterator;
import org.hotline.ingest.template.RawRecord;

/**
 * Streams the raw records of one input. Its iterator throws {@link java.io.UncheckedIOException} when the
 * input cannot be read.
 */
public interface RecordReader extends Iterator<RawRecord>, Closeable {
    /** Blank lines passed over so far (they are not records). */
    long blankLines();
}
