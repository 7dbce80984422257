package org.hotline.classify.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.hotline.classify.records.TaggedRecord;
import org.junit.jupiter.api.Test;

class BufferingSinkWriterTest {
    private final FakeBulkSender sender = new FakeBulkSender().thenAllOk();
    private final List<FailedDocument> failures = new ArrayList<>();
    private final TestProcessingTimeService time = new TestProcessingTimeService();
    private final SimpleCounter sent = new SimpleCounter();
    private final SimpleCounter sendErrors = new SimpleCounter();

    private BufferingSinkWriter<TaggedRecord> writer(int batchSize) {
        BulkRecordWriter bulk = new BulkRecordWriter(sender, failures::add, 2, 10, millis -> { });
        return new BufferingSinkWriter<>(bulk, () -> { }, batchSize, 1000, time, sent, sendErrors);
    }

    @Test
    void sendsAFullBatchAtOnce() throws Exception {
        BufferingSinkWriter<TaggedRecord> writer = writer(2);

        writer.write(TaggedRecords.full("a"), null);
        assertThat(sender.requests).isEmpty();
        writer.write(TaggedRecords.full("b"), null);

        assertThat(sender.requests).containsExactly(List.of("a", "b"));
        assertThat(writer.buffered()).isZero();
        assertThat(sent.getCount()).isEqualTo(2);
    }

    @Test
    void anIdleStreamIsFlushedWhenTheIntervalPasses() throws Exception {
        BufferingSinkWriter<TaggedRecord> writer = writer(100);
        time.setCurrentTime(0);
        writer.write(TaggedRecords.full("a"), null);

        time.setCurrentTime(999);
        assertThat(sender.requests).isEmpty();
        time.setCurrentTime(1000);
        assertThat(sender.requests).containsExactly(List.of("a"));

        writer.write(TaggedRecords.full("b"), null);
        time.setCurrentTime(2000);
        assertThat(sender.requests).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void aCheckpointFlushSendsWhatIsBuffered() throws Exception {
        BufferingSinkWriter<TaggedRecord> writer = writer(100);
        writer.write(TaggedRecords.full("a"), null);
        writer.write(TaggedRecords.minimal("b"), null);

        writer.flush(false);

        assertThat(sender.requests).containsExactly(List.of("a", "b"));
        writer.flush(true);
        assertThat(sender.requests).hasSize(1);
    }

    @Test
    void countsRefusedRecordsAsSendErrors() throws Exception {
        FakeBulkSender refusing = new FakeBulkSender().thenStatuses(id -> id.equals("b") ? 400 : 201);
        BulkRecordWriter bulk = new BulkRecordWriter(refusing, failures::add, 2, 10, millis -> { });
        BufferingSinkWriter<TaggedRecord> writer =
                new BufferingSinkWriter<>(bulk, () -> { }, 2, 1000, time, sent, sendErrors);

        writer.write(TaggedRecords.full("a"), null);
        writer.write(TaggedRecords.full("b"), null);

        assertThat(sent.getCount()).isEqualTo(1);
        assertThat(sendErrors.getCount()).isEqualTo(1);
        assertThat(failures).extracting(failed -> failed.record().id()).containsExactly("b");
    }

    @Test
    void closeStopsTheTimerAndClosesTheClient() throws Exception {
        BufferingSinkWriter<TaggedRecord> writer = writer(100);
        writer.write(TaggedRecords.full("a"), null);

        writer.close();
        time.setCurrentTime(5000);

        assertThat(sender.closed).isTrue();
        assertThat(sender.requests).isEmpty();
    }
}
