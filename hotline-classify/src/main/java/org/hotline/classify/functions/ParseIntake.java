package org.hotline.classify.functions;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.hotline.classify.records.IntakeMessage;
import org.hotline.classify.serde.JsonTypeInfo;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.ingest.template.IntakeValidator;
import org.hotline.ingest.template.RawRecord;
import org.hotline.ingest.template.ValidationResult;
import org.hotline.models.records.HotlineRecord;

/**
 * Re-checks and re-masks what arrives on the intake topic with the same validator the ingest CLI uses: the topic
 * may have other producers, and raw PII must never get past this job. Refused messages go to the dead-letter side
 * output with their reason instead of failing the job.
 */
public final class ParseIntake extends ProcessFunction<IntakeMessage, HotlineRecord> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetterEncoder.Message> DEAD_LETTERS =
            new OutputTag<>("dead-letters", JsonTypeInfo.of(DeadLetterEncoder.Message.class));

    private transient IntakeValidator validator;
    private transient DeadLetterEncoder encoder;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) {
        validator = IntakeValidator.forTemplate();
        encoder = DeadLetterEncoder.safeDefault();
    }

    @Override
    public void processElement(IntakeMessage message, Context ctx, Collector<HotlineRecord> out) {
        ValidationResult result = validator.validate(RawRecord.json(message.origin(), 0, message.payload()));
        if (result instanceof ValidationResult.Accepted accepted) {
            out.collect(accepted.record());
        } else if (result instanceof ValidationResult.Rejected rejected) {
            ctx.output(DEAD_LETTERS, encoder.toMessage(rejected.deadLetter()));
        }
    }
}
