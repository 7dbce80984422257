package org.hotline.classify.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.hotline.classify.TestRecords;
import org.hotline.models.records.HotlineRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DropReplaysTest {
    private KeyedOneInputStreamOperatorTestHarness<String, HotlineRecord, HotlineRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(DropReplays.ofRecords(Duration.ofDays(30))), HotlineRecord::id, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<String> emittedIds() {
        return harness.extractOutputValues().stream().map(HotlineRecord::id).toList();
    }

    @Test
    void aReplayedRecordIsDroppedAndOneFingerprintPerIdIsKept() throws Exception {
        HotlineRecord first = TestRecords.record("1", "小区噪音扰民");
        harness.processElement(new StreamRecord<>(first, 1));
        harness.processElement(new StreamRecord<>(TestRecords.record("2", "拖欠工资"), 2));
        harness.processElement(new StreamRecord<>(first, 3));

        assertThat(emittedIds()).containsExactly("1", "2");
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aCorrectedRecordWithTheSameIdPasses() throws Exception {
        harness.processElement(new StreamRecord<>(TestRecords.record("1", "小区噪音扰民"), 1));
        harness.processElement(new StreamRecord<>(TestRecords.record("1", "小区噪音扰民，已持续一周"), 2));

        assertThat(emittedIds()).containsExactly("1", "1");
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void fingerprintIsStableForEqualRecords() {
        assertThat(DropReplays.fingerprintOf(TestRecords.record("9", "内容")))
                .isEqualTo(DropReplays.fingerprintOf(TestRecords.record("9", "内容")))
                .isNotEqualTo(DropReplays.fingerprintOf(TestRecords.record("9", "内容!")));
    }
}
