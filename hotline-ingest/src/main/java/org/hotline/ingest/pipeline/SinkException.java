package org.hotline.ingest.pipeline;

/** A sink could not store what it was given (broker down, disk full …). */
public class SinkException extends RuntimeException {
    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
