package org.hotline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import org.hotline.ingest.template.RawRecord;

/** Every non-blank line of the input is one raw record. */
final class JsonLinesReader implements RecordReader {
    private final String source;
    private final InputStream in;
    private final ByteLineReader lines;
    private ByteLineReader.Line next;
    private long blankLines;

    JsonLinesReader(String source, InputStream in, int maxKeptBytes) {
        this.source = source;
        this.in = in;
        this.lines = new ByteLineReader(in, maxKeptBytes);
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                ByteLineReader.Line line = lines.next();
                if (line == null) {
                    return false;
                }
                if (line.isBlank()) {
                    blankLines++;
                } else {
                    next = line;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ByteLineReader.Line line = next;
        next = null;
        return new RawRecord(source, line.number(), line.bytes(), line.length(), null);
    }

    @Override
    public long blankLines() {
        return blankLines;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
