package org.hotline.alerts.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.classify.serde.JsonSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class DayEvidenceTest {

    @Test
    void countsRecordsKeepsAFewExamplesAndRanksTellingTokens() {
        DayEvidence day = DayEvidence.EMPTY
                .plus("r-1", "暖气 不热 ， 的 暖气")
                .plus("r-2", "暖气 漏水")
                .plus("r-3", "漏水 严重")
                .plus("r-4", "暖气");

        assertThat(day.count()).isEqualTo(4);
        assertThat(day.exampleRecordIds()).containsExactly("r-1", "r-2", "r-3");
        assertThat(day.topTokens()).containsExactly("暖气", "漏水", "不热", "严重");
        assertThat(day.toEvidence().topPhrases()).isEqualTo(day.topTokens());
    }

    @Test
    void theTokenTableIsBounded() {
        DayEvidence day = DayEvidence.EMPTY;
        for (int i = 0; i < 500; i++) {
            day = day.plus("r-" + i, "词" + i + " 常见");
        }
        assertThat(day.tokenCounts()).hasSize(DayEvidence.MAX_TOKENS);
        assertThat(day.topTokens().get(0)).isEqualTo("常见");
        assertThat(day.count()).isEqualTo(500);
    }

    @Test
    void survivesTheStateSerializer() throws Exception {
        DayEvidence day = DayEvidence.EMPTY.plus("r-1", "暖气 不热");
        JsonSerializer<DayEvidence> serializer = new JsonSerializer<>(DayEvidence.class);
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(day, out);
        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(day);
    }
}
