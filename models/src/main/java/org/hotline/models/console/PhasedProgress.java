package org.hotline.models.console;

import org.hotline.models.classifier.TrainingProgress;

/** Training progress as one {@link ProgressBar} per phase (features, epochs, calibration …). */
public final class PhasedProgress implements TrainingProgress {
    private String phase;
    private ProgressBar bar;

    @Override
    public synchronized void update(String newPhase, long done, long total) {
        if (!newPhase.equals(phase)) {
            finish();
            phase = newPhase;
            bar = new ProgressBar(newPhase, total);
        }
        bar.update(done);
    }

    /** Ends the last phase's line. */
    public synchronized void finish() {
        if (bar != null) {
            bar.done();
            bar = null;
        }
    }
}
