package org.hotline.ingest.pipeline;

/** Told after every record; implementations decide how often to show anything. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (read, accepted, deadLettered) -> {};

    void onRecord(long read, long accepted, long deadLettered);
}
