package org.hotline.app.engines;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of an engine's log without stack frames, for error messages. */
final class LogTail {
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {}

    static String lastLines(Path log, int count) {
        if (!Files.isReadable(log)) {
            return "(no log at " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            // Engines may write bytes that are not UTF-8: decoding replaces them instead of failing the report.
            // Stack frames crowd out the lines that say what went wrong; the full log is one path away.
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\tat "))
                    .toList();
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
