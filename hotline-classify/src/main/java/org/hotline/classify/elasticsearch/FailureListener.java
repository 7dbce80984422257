package org.hotline.classify.elasticsearch;

import java.io.Serializable;

/**
 * Told about every record the index refused for good, e.g. to send it to a dead-letter topic. Serializable
 * because the Flink sink carries it; {@link #open()} and {@link #close()} run once per sink writer, so a
 * listener can hold a producer.
 */
@FunctionalInterface
public interface FailureListener extends Serializable {
    void onPermanentFailure(FailedDocument failed) throws Exception;

    default void open() throws Exception {}

    default void close() throws Exception {}
}
