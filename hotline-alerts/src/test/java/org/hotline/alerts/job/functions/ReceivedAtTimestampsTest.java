package org.hotline.alerts.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.hotline.classify.records.TaggedRecord;
import org.junit.jupiter.api.Test;

class ReceivedAtTimestampsTest {

    @Test
    void eventTimeIsWhenTheHotlineReceivedTheDemand() {
        TaggedRecord record = TestRecords.tagged("r", LocalDate.parse("2026-03-01"), LocalTime.of(8, 30), "东城区",
                "噪音", List.of("a"));
        assertThat(new ReceivedAtTimestamps().extractTimestamp(record, 0))
                .isEqualTo(record.record().receivedAt().toInstant().toEpochMilli());
    }

    @Test
    void watermarksTrailTheLatestRecordByTheOutOfOrderness() {
        var strategy = ReceivedAtTimestamps.boundedOutOfOrderness(Duration.ofMinutes(10));
        WatermarkGenerator<TaggedRecord> generator = strategy.createWatermarkGenerator(null);
        List<Long> emitted = new ArrayList<>();
        WatermarkOutput output = new WatermarkOutput() {
            @Override
            public void emitWatermark(Watermark watermark) {
                emitted.add(watermark.getTimestamp());
            }

            @Override
            public void markIdle() {}

            @Override
            public void markActive() {}
        };
        TaggedRecord record = TestRecords.tagged("r", LocalDate.parse("2026-03-01"), LocalTime.of(8, 30), "东城区",
                "噪音", List.of("a"));
        long ts = ReceivedAtTimestamps.timestampOf(record);
        generator.onEvent(record, ts, output);
        generator.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(ts - Duration.ofMinutes(10).toMillis() - 1);
    }
}
