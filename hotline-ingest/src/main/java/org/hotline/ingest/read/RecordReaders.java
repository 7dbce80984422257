package org.hotline.ingest.read;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.GZIPInputStream;
import org.hotline.ingest.template.RawRecord;

/** Opens files or stdin as streams of raw records. */
public final class RecordReaders {
    /** The name that means standard input. */
    public static final String STDIN = "-";

    private RecordReaders() {}

    /**
     * @param input        a file path, or {@code -} for stdin (never closed by the reader's close)
     * @param format       the layout, or {@code null} to go by the file name ({@code .csv[.gz]} → CSV, else JSONL)
     * @param delimiter    CSV field delimiter
     * @param maxKeptBytes bytes of a record kept in memory; longer records are cut (and refused as oversize)
     */
    public static RecordReader open(String input, InputFormat format, char delimiter, int maxKeptBytes)
            throws IOException {
        InputFormat layout = format != null ? format : InputFormat.fromFileName(input);
        InputStream raw = STDIN.equals(input) ? nonClosing(System.in) : Files.newInputStream(Path.of(input));
        return open(input, raw, layout, delimiter, maxKeptBytes);
    }

    /** Reads {@code in} (gzip or not, detected by its magic bytes) as records of {@code source}. */
    public static RecordReader open(String source, InputStream in, InputFormat format, char delimiter,
            int maxKeptBytes) throws IOException {
        InputStream stream = gunzipIfNeeded(new BufferedInputStream(in, 64 * 1024));
        try {
            return format == InputFormat.CSV
                    ? new CsvReader(source, stream, maxKeptBytes, delimiter)
                    : new JsonLinesReader(source, stream, maxKeptBytes);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /**
     * Lines already in memory (e.g. a demo's generated records) as raw JSON records of {@code source}, numbered
     * from 1; blank lines are records too here, and are refused as {@code not_json}.
     */
    public static Iterator<RawRecord> fromJsonLines(String source, Iterator<String> lines) {
        return new Iterator<>() {
            private long lineNumber;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public RawRecord next() {
                String line = lines.next();
                lineNumber++;
                return RawRecord.json(source, lineNumber, line.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static InputStream gunzipIfNeeded(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024) : in;
    }

    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // stdin belongs to the process
            }
        };
    }
}
