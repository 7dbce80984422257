package org.hotline.models.classifier;

/** Receives training progress (for progress bars). Called on the training thread. */
@FunctionalInterface
public interface TrainingProgress {
    TrainingProgress SILENT = (phase, done, total) -> { };

    /** @param phase short name of the current phase; {@code done} of {@code total} units finished */
    void update(String phase, long done, long total);
}
