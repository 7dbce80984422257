package org.hotline.ingest.template;

import org.hotline.models.records.HotlineRecord;

/** What {@link IntakeValidator#validate} decided: a masked template record, or a dead letter. */
public sealed interface ValidationResult {

    /** A valid record, PII already masked: safe to write downstream. */
    record Accepted(HotlineRecord record) implements ValidationResult {}

    record Rejected(DeadLetter deadLetter) implements ValidationResult {}
}
