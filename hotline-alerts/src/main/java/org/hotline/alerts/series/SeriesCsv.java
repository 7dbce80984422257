package org.hotline.alerts.series;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a plain daily CSV (one row per day, ISO dates) into a {@link DailySeries}. */
public final class SeriesCsv {

    private SeriesCsv() {
    }

    /** Result of a read: the series plus how many calendar days were missing and filled with 0. */
    public record Loaded(DailySeries series, int filledDays) {
    }

    public static Loaded read(Path file, String dateColumn, String countColumn) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.getFileName().toString() + ":" + countColumn, dateColumn, countColumn);
        }
    }

    public static Loaded read(Reader reader, String key, String dateColumn, String countColumn) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        TreeMap<LocalDate, Double> byDate = new TreeMap<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            requireColumn(parser, dateColumn);
            requireColumn(parser, countColumn);
            for (CSVRecord row : parser) {
                LocalDate date = parseDate(row.get(dateColumn), row.getRecordNumber());
                double count = parseCount(row.get(countColumn), row.getRecordNumber());
                if (byDate.put(date, count) != null) {
                    throw new SeriesFormatException("duplicate date " + date + " at row " + row.getRecordNumber());
                }
            }
        }
        if (byDate.isEmpty()) {
            throw new SeriesFormatException("no data rows");
        }
        return contiguous(key, byDate);
    }

    /** Days absent from the file carry no demands, so they count as 0 (the caller is told how many). */
    private static Loaded contiguous(String key, TreeMap<LocalDate, Double> byDate) {
        LocalDate first = byDate.firstKey();
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, byDate.lastKey()) + 1;
        double[] counts = new double[days];
        byDate.forEach((date, count) -> counts[(int) java.time.temporal.ChronoUnit.DAYS.between(first, date)] = count);
        return new Loaded(new DailySeries(key, first, counts), days - byDate.size());
    }

    private static void requireColumn(CSVParser parser, String column) {
        if (!parser.getHeaderMap().containsKey(column)) {
            throw new SeriesFormatException("column '" + column + "' not found; header has " + parser.getHeaderNames());
        }
    }

    private static LocalDate parseDate(String text, long row) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new SeriesFormatException("row " + row + ": date '" + text + "' is not YYYY-MM-DD");
        }
    }

    private static double parseCount(String text, long row) {
        try {
            double count = Double.parseDouble(text);
            if (count < 0 || Double.isNaN(count) || Double.isInfinite(count)) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new SeriesFormatException("row " + row + ": count '" + text + "' is not a non-negative number");
        }
    }

    /** Bad input file: reported to the user as a one-line message. */
    public static final class SeriesFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SeriesFormatException(String message) {
            super(message);
        }
    }
}
