package org.hotline.classify;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.hotline.classify.functions.ClassifyRecords;
import org.hotline.classify.functions.DropReplays;
import org.hotline.classify.functions.ParseIntake;
import org.hotline.classify.functions.TaggerFactory;
import org.hotline.classify.records.IntakeMessage;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.classify.serde.JsonTypeInfo;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.models.records.HotlineRecord;

/**
 * The classify job's logic, between whatever source and sinks {@link ClassifyJob} wires: parse and re-mask →
 * drop replays (keyed by id) → tag. Operator uids are stable so savepoints survive upgrades.
 */
public final class ClassifyPipeline {
    private ClassifyPipeline() {}

    /** What the pipeline produces: tagged records, and dead letters for what it refused. */
    public record Outputs(DataStream<TaggedRecord> tagged, DataStream<DeadLetterEncoder.Message> deadLetters) {}

    public static Outputs attach(DataStream<IntakeMessage> intake, TaggerFactory taggers, Duration replayTtl) {
        SingleOutputStreamOperator<HotlineRecord> records = intake
                .process(new ParseIntake(), JsonTypeInfo.of(HotlineRecord.class))
                .name("parse, validate, mask").uid("parse-intake");
        DataStream<TaggedRecord> tagged = records
                .keyBy(HotlineRecord::id, Types.STRING)
                .process(DropReplays.ofRecords(replayTtl), JsonTypeInfo.of(HotlineRecord.class))
                .name("drop replays").uid("drop-replays")
                .map(new ClassifyRecords(taggers), JsonTypeInfo.of(TaggedRecord.class))
                .name("segment and classify").uid("classify");
        return new Outputs(tagged, records.getSideOutput(ParseIntake.DEAD_LETTERS));
    }
}
