package org.hotline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.hotline.classify.records.IntakeMessage;
import org.hotline.classify.serde.JsonTypeInfo;
import org.hotline.models.records.HotlineRecordJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole pipeline on a Flink MiniCluster, with in-memory intake and collected outputs. */
class ClassifyPipelineITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static IntakeMessage good(String id, String content) {
        return IntakeMessage.of(id, HotlineRecordJson.write(TestRecords.record(id, content)), "test/0/" + id);
    }

    @Test
    void tagsGoodRecordsDropsReplaysAndDeadLettersTheRest() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<IntakeMessage> intake = List.of(
                good("1", "工地拖欠工资三个月，联系电话13812345678"),
                good("2", "夜间施工噪音扰民"),
                good("1", "工地拖欠工资三个月，联系电话13812345678"), // replay
                IntakeMessage.of("x", "{not json", "test/0/x"),
                IntakeMessage.of("3", "{\"id\":\"3\",\"receivedAt\":\"2026-11-27T09:00:00+08:00\",\"content\":\"  \"}",
                        "test/0/3"),
                new IntakeMessage("4", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, "test/0/4"));

        DataStream<IntakeMessage> source = env.fromData(JsonTypeInfo.of(IntakeMessage.class),
                intake.toArray(IntakeMessage[]::new));
        ClassifyPipeline.Outputs outputs =
                ClassifyPipeline.attach(source, TestRecords::tagger, Duration.ofDays(1));
        DataStream<String> tagged = outputs.tagged()
                .map(t -> "tagged " + t.id() + " " + String.join(">", t.path()) + " " + t.record().content(),
                        Types.STRING);
        DataStream<String> dead = outputs.deadLetters().map(d -> "dead " + d.reason().code(), Types.STRING);

        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> it = tagged.union(dead).executeAndCollect()) {
            it.forEachRemaining(results::add);
        }

        assertThat(results).containsExactlyInAnyOrder(
                "tagged 1 劳动和社会保障>劳动关系>拖欠工资 工地拖欠工资三个月，联系电话138****5678",
                "tagged 2 环境保护>噪音污染>施工噪音 夜间施工噪音扰民",
                "dead not_json",
                "dead blank_content",
                "dead invalid_utf8");
    }
}
