package org.hotline.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream at {@code \n} without decoding it, so invalid UTF-8 reaches the validator as the exact
 * bytes. A line longer than {@code maxKeptBytes} keeps only its head (its full length is still counted), so
 * memory stays bounded whatever the input.
 */
final class ByteLineReader {
    /** One physical line without its terminator ({@code \n} or {@code \r\n}). */
    record Line(long number, byte[] bytes, long length) {
        boolean isTruncated() {
            return length > bytes.length;
        }

        boolean isBlank() {
            if (isTruncated()) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxKeptBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPos;
    private int bufferEnd;
    private long lineNumber;

    ByteLineReader(InputStream in, int maxKeptBytes) {
        this.in = in;
        this.maxKeptBytes = maxKeptBytes;
    }

    /** The next line, or {@code null} at the end of the stream. */
    Line next() throws IOException {
        byte[] kept = new byte[256];
        int keptLength = 0;
        long length = 0;
        boolean sawAnything = false;
        while (true) {
            if (bufferPos == bufferEnd && !fill()) {
                if (!sawAnything) {
                    return null;
                }
                break;
            }
            sawAnything = true;
            int newline = indexOfNewline();
            int chunkEnd = newline >= 0 ? newline : bufferEnd;
            int chunk = chunkEnd - bufferPos;
            int toKeep = (int) Math.min(chunk, Math.max(0, maxKeptBytes - keptLength));
            if (toKeep > 0) {
                if (keptLength + toKeep > kept.length) {
                    kept = Arrays.copyOf(kept, Math.min(maxKeptBytes, Math.max(kept.length * 2, keptLength + toKeep)));
                }
                System.arraycopy(buffer, bufferPos, kept, keptLength, toKeep);
                keptLength += toKeep;
            }
            length += chunk;
            bufferPos = chunkEnd;
            if (newline >= 0) {
                bufferPos++; // past the '\n'
                break;
            }
        }
        lineNumber++;
        if (length == keptLength && keptLength > 0 && kept[keptLength - 1] == '\r') {
            keptLength--;
            length--;
        }
        return new Line(lineNumber, Arrays.copyOf(kept, keptLength), length);
    }

    private int indexOfNewline() {
        for (int i = bufferPos; i < bufferEnd; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        bufferPos = 0;
        bufferEnd = read;
        return true;
    }
}
