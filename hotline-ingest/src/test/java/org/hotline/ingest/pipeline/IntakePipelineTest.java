package org.hotline.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.ingest.read.InputFormat;
import org.hotline.ingest.read.RecordReader;
import org.hotline.ingest.read.RecordReaders;
import org.hotline.ingest.template.DeadLetter;
import org.hotline.ingest.template.DeadLetterEncoder;
import org.hotline.ingest.template.IntakeValidator;
import org.hotline.ingest.template.RawRecord;
import org.hotline.ingest.template.RejectReason;
import org.hotline.ingest.testing.SyntheticIntake;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.records.HotlineRecordJson;
import org.junit.jupiter.api.Test;

class IntakePipelineTest {
    private static final String TIME = "\"receivedAt\":\"2019-04-25T09:32:09+08:00\"";

    private static RawRecord line(long number, String json) {
        return RawRecord.json("batch.jsonl", number, json.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordReader reader(byte[] file) throws IOException {
        return RecordReaders.open("mixed.jsonl", new ByteArrayInputStream(file), InputFormat.JSONL, ',', 2 * 1024 * 1024);
    }

    @Test
    void everyRecordEndsUpAcceptedOrDeadLetteredAndCounted() {
        CollectingSink sink = new CollectingSink();
        IntakePipeline pipeline = new IntakePipeline(IntakeValidator.forTemplate(), sink);

        IntakeSummary summary = pipeline.run(List.of(
                line(1, "{\"id\":\"1\"," + TIME + ",\"content\":\"a\"}"),
                line(2, "{\"id\":\"2\"," + TIME + ",\"content\":\"\"}"),
                line(3, "nope"),
                line(4, "{\"id\":\"3\"," + TIME + ",\"content\":\"c\"}")).iterator());

        assertThat(sink.acceptedRecords()).extracting(HotlineRecord::id).containsExactly("1", "3");
        assertThat(sink.deadLetters()).extracting(DeadLetter::lineNumber).containsExactly(2L, 3L);
        assertThat(summary.read()).isEqualTo(4);
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.deadLettered()).isEqualTo(2);
        assertThat(summary.reasons()).isEqualTo(Map.of("blank_content", 1L, "not_json", 1L));
    }

    @Test
    void aSecondRecordWithAnAcceptedIdIsADuplicateEvenInALaterRun() {
        CollectingSink sink = new CollectingSink();
        IntakePipeline pipeline = new IntakePipeline(IntakeValidator.forTemplate(), sink);

        pipeline.run(List.of(line(1, "{\"id\":\"7\"," + TIME + ",\"content\":\"first\"}")).iterator());
        IntakeSummary summary = pipeline.run(List.of(
                line(1, "{\"id\":\"7\"," + TIME + ",\"content\":\"second\"}"),
                line(2, "{\"id\":\"8\"," + TIME + ",\"content\":\"\"}"),
                line(3, "{\"id\":\"8\"," + TIME + ",\"content\":\"now valid\"}")).iterator());

        assertThat(sink.acceptedRecords()).extracting(HotlineRecord::content).containsExactly("first", "now valid");
        DeadLetter duplicate = sink.deadLetters().get(0);
        assertThat(duplicate.reason()).isEqualTo(RejectReason.DUPLICATE_ID);
        assertThat(duplicate.recordId()).isEqualTo("7");
        assertThat(duplicate.field()).isEqualTo("id");
        assertThat(summary.read()).isEqualTo(4);
    }

    @Test
    void aMixedFileGivesExactlyItsGoodRecordsMaskedAndEveryBadOneWithItsReason() throws IOException {
        SyntheticIntake intake = SyntheticIntake.mixed(300, 11);
        CollectingSink sink = new CollectingSink();

        IntakeSummary summary = new IntakePipeline(IntakeValidator.forTemplate(), sink).run(reader(intake.bytes()));

        assertThat(sink.acceptedRecords()).extracting(HotlineRecord::id).containsExactlyElementsOf(intake.goodIds());
        Map<String, Long> expected = new java.util.TreeMap<>();
        intake.expectedReasons().forEach((reason, count) -> expected.put(reason, count.longValue()));
        assertThat(summary.reasons()).isEqualTo(expected);
        String accepted = String.join("\n", sink.acceptedRecords().stream().map(HotlineRecordJson::write).toList());
        assertThat(intake.rawPii()).noneMatch(accepted::contains);
    }

    @Test
    void replayingTheSameInputGivesTheSameBytes() throws IOException {
        SyntheticIntake intake = SyntheticIntake.mixed(120, 5);

        List<String> first = runToBytes(intake.bytes());
        List<String> second = runToBytes(intake.bytes());

        assertThat(second).isEqualTo(first);
        assertThat(first).hasSize(120 + intake.deadLetterCount());
    }

    @Test
    void aFailingSinkStopsTheRun() {
        RecordSink failing = new RecordSink() {
            @Override
            public void accepted(HotlineRecord record) {
                throw new SinkException("broker gone", null);
            }

            @Override
            public void deadLettered(DeadLetter deadLetter) {}
        };

        assertThatThrownBy(() -> new IntakePipeline(IntakeValidator.forTemplate(), failing)
                .run(List.of(line(1, "{\"id\":\"1\"," + TIME + ",\"content\":\"a\"}")).iterator()))
                .isInstanceOf(SinkException.class);
    }

    @Test
    void progressIsToldAfterEveryRecord() {
        List<Long> reads = new ArrayList<>();
        new IntakePipeline(IntakeValidator.forTemplate(), new CollectingSink(), (read, ok, bad) -> reads.add(read))
                .run(List.of(line(1, "x"), line(2, "y")).iterator());

        assertThat(reads).containsExactly(1L, 2L);
    }

    private static List<String> runToBytes(byte[] file) throws IOException {
        CollectingSink sink = new CollectingSink();
        new IntakePipeline(IntakeValidator.forTemplate(), sink).run(reader(file));
        DeadLetterEncoder encoder = DeadLetterEncoder.safeDefault();
        List<String> out = new ArrayList<>();
        sink.acceptedRecords().forEach(r -> out.add(HotlineRecordJson.write(r)));
        sink.deadLetters().forEach(d -> out.add(new String(encoder.encode(d), StandardCharsets.UTF_8)));
        return out;
    }
}
