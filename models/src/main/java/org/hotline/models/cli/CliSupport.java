package org.hotline.models.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyException;

/** File reading and error reporting shared by the classifier commands. */
final class CliSupport {
    static final int USER_ERROR = 2;

    private CliSupport() {}

    /** Runs a command body; user errors become one line on stderr and exit code 2. */
    static int guarded(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (UserInputException | TaxonomyException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USER_ERROR;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile());
            return USER_ERROR;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getCause().getMessage());
            return USER_ERROR;
        }
    }

    /** Reads intake-template JSON Lines; a bad line is reported with its file and line number. */
    static List<HotlineRecord> readRecords(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no such file: " + file);
        }
        List<HotlineRecord> records = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    HotlineRecord record = HotlineRecordJson.read(line);
                    if (record.content() == null && record.title() == null) {
                        throw new UserInputException(file + ":" + lineNumber + ": record has neither title nor content");
                    }
                    records.add(record);
                } catch (JsonProcessingException e) {
                    throw new UserInputException(file + ":" + lineNumber + ": not an intake-template record: "
                            + e.getOriginalMessage());
                }
            }
        }
        return records;
    }

    static List<HotlineRecord> readAll(List<Path> files) throws IOException {
        List<HotlineRecord> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(readRecords(file));
        }
        return all;
    }

    /** The taxonomy file given, else the one the product ships. */
    static Taxonomy taxonomy(Path file) {
        if (file == null) {
            return Taxonomy.loadDefault();
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no such taxonomy file: " + file);
        }
        return Taxonomy.load(file);
    }
}
