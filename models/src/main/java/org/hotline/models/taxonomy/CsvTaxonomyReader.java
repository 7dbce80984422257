package org.hotline.models.taxonomy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads the CSV forms of docs/taxonomy.md: the enriched form
 * ({@code level1,level2,level3,level4,department,keywords,description,slaDays}) and the plain government form
 * ({@code 一级分类,二级分类,三级分类[,四级分类]}). A {@code # version: ...} comment before the header names the version.
 */
final class CsvTaxonomyReader {
    private static final String[][] LEVEL_COLUMNS = {
            {"level1", "一级分类"}, {"level2", "二级分类"}, {"level3", "三级分类"}, {"level4", "四级分类"}};
    private static final String[] DEPARTMENT = {"department", "责任部门"};
    private static final String[] KEYWORDS = {"keywords", "关键词"};
    private static final String[] DESCRIPTION = {"description", "描述"};
    private static final String[] SLA_DAYS = {"slaDays", "办理时限"};
    private static final int MAX_SLA_DAYS = 365;
    private static final int REQUIRED_LEVELS = 3;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private CsvTaxonomyReader() {}

    static ParsedTaxonomy read(String text, String source) throws IOException {
        Lines lines = new Lines(text);
        CSVParser parser;
        try {
            parser = FORMAT.parse(new StringReader(text));
        } catch (IllegalArgumentException e) {
            throw new TaxonomyException(source + ":1: bad header: " + e.getMessage(), e);
        }
        try (parser) {
            Columns columns = Columns.of(parser.getHeaderNames(), source);
            String version = versionFrom(parser.hasHeaderComment() ? parser.getHeaderComment() : null);
            List<NodeSpec> nodes = new ArrayList<>();
            for (CSVRecord row : parser) {
                nodes.add(columns.node(row, source, lines.firstRecordLineFrom(row.getCharacterPosition())));
            }
            return new ParsedTaxonomy(version, nodes);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new TaxonomyException(source + ":" + parser.getCurrentLineNumber() + ": malformed CSV: "
                    + e.getMessage(), e);
        }
    }

    /** Accepts "version: X", "version=X" or just "X" in the comment above the header. */
    static String versionFrom(String headerComment) {
        if (headerComment == null) {
            return null;
        }
        for (String line : headerComment.split("\n")) {
            String text = line.trim();
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("version")) {
                String value = text.substring("version".length()).trim();
                if (value.startsWith(":") || value.startsWith("=")) {
                    value = value.substring(1).trim();
                }
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return null;
    }

    /** Where each known column sits in the header. */
    private record Columns(List<String> levels, String departmentColumn, String keywordsColumn,
                           String descriptionColumn, String slaDaysColumn, int width) {

        static Columns of(List<String> header, String source) {
            if (header.isEmpty()) {
                throw new TaxonomyException(source + ":1: empty file: expected a header line such as "
                        + "level1,level2,level3,level4,department,keywords,description,slaDays");
            }
            Set<String> known = new LinkedHashSet<>();
            List<String> levels = new ArrayList<>();
            for (int level = 0; level < LEVEL_COLUMNS.length; level++) {
                String column = find(header, LEVEL_COLUMNS[level]);
                if (column == null) {
                    if (level < REQUIRED_LEVELS) {
                        throw new TaxonomyException(source + ":1: missing column " + LEVEL_COLUMNS[level][0]
                                + " (or " + LEVEL_COLUMNS[level][1] + "); header is " + String.join(",", header)
                                + "; see docs/taxonomy.md");
                    }
                    break;
                }
                levels.add(column);
                known.add(column);
            }
            Map<String, String[]> metadata = new LinkedHashMap<>();
            for (String[] aliases : List.of(DEPARTMENT, KEYWORDS, DESCRIPTION, SLA_DAYS)) {
                String column = find(header, aliases);
                metadata.put(aliases[0], new String[] {column});
                if (column != null) {
                    known.add(column);
                }
            }
            for (String column : header) {
                if (!known.contains(column)) {
                    throw new TaxonomyException(source + ":1: unknown column '" + column + "'; known columns: "
                            + "level1..level4 (or 一级分类..四级分类), department, keywords, description, slaDays");
                }
            }
            return new Columns(levels, metadata.get("department")[0], metadata.get("keywords")[0],
                    metadata.get("description")[0], metadata.get("slaDays")[0], header.size());
        }

        private static String find(List<String> header, String[] aliases) {
            for (String column : header) {
                for (String alias : aliases) {
                    if (column.equalsIgnoreCase(alias)) {
                        return column;
                    }
                }
            }
            return null;
        }

        NodeSpec node(CSVRecord row, String source, long line) {
            String where = source + ":" + line;
            if (row.size() != width) {
                throw new TaxonomyException(where + ": " + row.size() + " fields but the header has " + width
                        + " (quote fields that contain commas)");
            }
            return new NodeSpec(path(row, where), cell(row, departmentColumn), keywords(cell(row, keywordsColumn)),
                    cell(row, descriptionColumn), slaDays(cell(row, slaDaysColumn), where), source, line);
        }

        private List<String> path(CSVRecord row, String where) {
            List<String> path = new ArrayList<>();
            for (int level = 1; level <= levels.size(); level++) {
                String name = cell(row, levels.get(level - 1));
                if (name.isEmpty()) {
                    continue;
                }
                if (path.size() != level - 1) {
                    throw new TaxonomyException(where + ": " + levels.get(level - 1) + " '" + name + "' has no "
                            + levels.get(level - 2) + ": a path cannot skip a level (blank "
                            + levels.get(path.size()) + ")");
                }
                path.add(name);
            }
            if (path.isEmpty()) {
                throw new TaxonomyException(where + ": blank " + levels.get(0) + ": every row needs a path");
            }
            return path;
        }

        private static String cell(CSVRecord row, String column) {
            return column == null ? "" : row.get(column).trim();
        }
    }

    /** Line numbers of character positions, for messages. */
    private static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            List<Integer> found = new ArrayList<>();
            found.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * The 1-based line where a record starting at {@code position} has its first field: the parser reports the
         * position before the blank and comment lines it skipped, so those are skipped here too.
         */
        long firstRecordLineFrom(long position) {
            int index = Arrays.binarySearch(starts, (int) position);
            int line = index >= 0 ? index : -index - 2;
            while (line + 1 < starts.length && skippable(line)) {
                line++;
            }
            return line + 1L;
        }

        private boolean skippable(int line) {
            int end = line + 1 < starts.length ? starts[line + 1] : text.length();
            String content = text.substring(starts[line], end).strip();
            return content.isEmpty() || content.startsWith("#");
        }
    }

    static List<String> keywords(String cell) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : cell.split("\\|")) {
            if (!word.isBlank()) {
                words.add(word.trim());
            }
        }
        return List.copyOf(words);
    }

    static Integer slaDays(String cell, String where) {
        if (cell.isEmpty()) {
            return null;
        }
        try {
            int days = Integer.parseInt(cell);
            if (days >= 1 && days <= MAX_SLA_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new TaxonomyException(where + ": bad slaDays '" + cell + "': expected a whole number of days from 1 to "
                + MAX_SLA_DAYS + " (or blank to inherit the parent's)");
    }
}
