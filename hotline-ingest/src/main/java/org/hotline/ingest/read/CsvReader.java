package org.hotline.ingest.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hotline.ingest.template.CsvLayout;
import org.hotline.ingest.template.RawRecord;

/**
 * Cuts a CSV file into rows as bytes: physical lines are joined while a quoted field is open (an odd number
 * of {@code "} so far), so a cell may span lines. Each row keeps its bytes for the validator, which decodes and
 * parses it with the header read here.
 */
final class CsvReader implements RecordReader {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String source;
    private final InputStream in;
    private final ByteLineReader lines;
    private final int maxKeptBytes;
    private final CsvLayout layout;
    private RawRecord next;
    private long blankLines;

    /** @throws InputFormatException when the header row is missing or unreadable */
    CsvReader(String source, InputStream in, int maxKeptBytes, char delimiter) throws IOException {
        this.source = source;
        this.in = in;
        this.lines = new ByteLineReader(in, maxKeptBytes);
        this.maxKeptBytes = maxKeptBytes;
        this.layout = new CsvLayout(readHeader(delimiter), delimiter);
    }

    @Override
    public boolean hasNext() {
        try {
            if (next == null) {
                next = readRow();
            }
            return next != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord row = next;
        next = null;
        return row;
    }

    @Override
    public long blankLines() {
        return blankLines;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private List<String> readHeader(char delimiter) throws IOException {
        ByteLineReader.Line line = lines.next();
        while (line != null && line.isBlank()) {
            line = lines.next();
        }
        if (line == null) {
            throw new InputFormatException(source + ": empty CSV file (a header row is needed)");
        }
        if (line.isTruncated()) {
            throw new InputFormatException(source + ": CSV header row is longer than " + maxKeptBytes + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(withoutBom(line.bytes()))).toString();
        } catch (CharacterCodingException e) {
            throw new InputFormatException(source + ": CSV header is not UTF-8 (convert the file, e.g. "
                    + "iconv -f GBK -t UTF-8)");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
            List<CSVRecord> rows = parser.getRecords();
            if (rows.size() != 1) {
                throw new InputFormatException(source + ": unreadable CSV header");
            }
            List<String> header = new ArrayList<>();
            for (String name : rows.get(0)) {
                String column = name.strip();
                if (!column.isEmpty() && header.contains(column)) {
                    throw new InputFormatException(source + ": CSV header names column '" + column + "' twice");
                }
                header.add(column);
            }
            return header;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputFormatException(source + ": unreadable CSV header: " + e.getMessage());
        }
    }

    private RawRecord readRow() throws IOException {
        ByteLineReader.Line first = lines.next();
        while (first != null && first.isBlank()) {
            blankLines++;
            first = lines.next();
        }
        if (first == null) {
            return null;
        }
        ByteArrayOutputStream row = new ByteArrayOutputStream(first.bytes().length);
        row.write(first.bytes());
        long length = first.length();
        boolean quoteOpen = oddQuotes(first.bytes());
        ByteLineReader.Line last = first;
        // A cut line cannot be joined reliably: the row ends there and the validator reports it oversize.
        while (quoteOpen && !last.isTruncated()) {
            ByteLineReader.Line continuation = lines.next();
            if (continuation == null) {
                break;
            }
            length += 1 + continuation.length();
            if (row.size() < maxKeptBytes) {
                row.write('\n');
                row.write(continuation.bytes(), 0, Math.min(continuation.bytes().length, maxKeptBytes - row.size()));
            }
            quoteOpen ^= oddQuotes(continuation.bytes());
            last = continuation;
        }
        return new RawRecord(source, first.number(), row.toByteArray(), Math.max(length, row.size()), layout);
    }

    private static boolean oddQuotes(byte[] bytes) {
        int quotes = 0;
        for (byte b : bytes) {
            if (b == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private static byte[] withoutBom(byte[] bytes) {
        if (bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2]) {
            return Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }
}
