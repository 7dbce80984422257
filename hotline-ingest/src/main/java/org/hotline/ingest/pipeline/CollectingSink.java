package org.hotline.ingest.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hotline.ingest.template.DeadLetter;
import org.hotline.models.records.HotlineRecord;

/** Keeps everything in memory, in arrival order: for tests, demos and small batches. */
public final class CollectingSink implements RecordSink {
    private final List<HotlineRecord> accepted = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    @Override
    public void accepted(HotlineRecord record) {
        accepted.add(record);
    }

    @Override
    public void deadLettered(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
    }

    public List<HotlineRecord> acceptedRecords() {
        return Collections.unmodifiableList(accepted);
    }

    public List<DeadLetter> deadLetters() {
        return Collections.unmodifiableList(deadLetters);
    }
}
