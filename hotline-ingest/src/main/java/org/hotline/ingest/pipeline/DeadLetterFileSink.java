package org.hotline.ingest.pipeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.ingest.template.DeadLetter;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.models.records.HotlineRecord;

/** Appends dead letters to a local JSON Lines file (one encoded dead letter per line); ignores accepted ones. */
public final class DeadLetterFileSink implements RecordSink {
    private final Path file;
    private final DeadLetterEncoder encoder;
    private final OutputStream out;

    public DeadLetterFileSink(Path file, DeadLetterEncoder encoder) throws IOException {
        this.file = file;
        this.encoder = encoder;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    }

    @Override
    public void accepted(HotlineRecord record) {
        // only dead letters go to this file
    }

    @Override
    public void deadLettered(DeadLetter deadLetter) {
        try {
            out.write(encoder.encode(deadLetter));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letters to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dead letters to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
