package org.hotline.ingest.read;

import java.io.IOException;

/** An input that cannot be read as records at all (e.g. a CSV file without a readable header). */
public class InputFormatException extends IOException {
    public InputFormatException(String message) {
        super(message);
    }
}
