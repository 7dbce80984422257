package org.hotline.alerts.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommonDemandFunctionTest {
    private static final String NODE = "环境保护/噪音污染";
    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    private KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(1);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Alert, Alert> harness(int windowDays)
            throws Exception {
        var opened = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CommonDemandFunction(TestRecords.DAYS, 3, windowDays)),
                Alert::nodePath, Types.STRING);
        opened.open();
        return opened;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static Alert seasonal(String node, String district, LocalDate day, double observed) {
        return Alert.of(AlertKind.SEASONAL, node, List.of(district), day, day, observed, 5, 4.2, Double.NaN,
                new Evidence(List.of("噪音"), List.of("r-" + district), "surge"));
    }

    private void send(Alert alert) throws Exception {
        harness.processElement(new StreamRecord<>(alert, TestRecords.DAYS.endOfDay(alert.windowEnd())));
    }

    @Test
    void threeDistrictsAlarmingOnOneDayMakeOneCommonAlert() throws Exception {
        send(seasonal(NODE, "东城区", DAY, 30));
        send(seasonal(NODE, "西城区", DAY, 20));
        send(Alert.of(AlertKind.HIGH_FREQUENCY, NODE, List.of("西城区"), DAY, DAY, 20, 15, 20, Double.NaN, null));
        send(seasonal(NODE, "朝阳区", DAY, 25));
        send(seasonal(NODE, "朝阳区", DAY, 25)); // replayed
        send(seasonal(NODE, "海淀区", DAY.plusDays(1), 25)); // next day
        harness.processWatermark(TestRecords.DAYS.endOfDay(DAY));

        List<Alert> common = harness.extractOutputValues();
        assertThat(common).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.COMMON);
            assertThat(alert.nodePath()).isEqualTo(NODE);
            assertThat(alert.districts()).containsExactly("东城区", "朝阳区", "西城区");
            assertThat(alert.windowStart()).isEqualTo(DAY);
            assertThat(alert.windowEnd()).isEqualTo(DAY);
            assertThat(alert.score()).isEqualTo(3);
            assertThat(alert.id()).isEqualTo(Alert.idOf(AlertKind.COMMON, NODE,
                    List.of("东城区", "西城区", "朝阳区"), DAY, DAY));
            assertThat(alert.evidence().exampleRecordIds()).contains("r-东城区", "r-西城区", "r-朝阳区");
        });
        // The next day's alert waits for its own day; nothing of the decided day is left.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processWatermark(TestRecords.DAYS.endOfDay(DAY.plusDays(1)));
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void districtsAlarmingOnDifferentDaysOfAWindowMakeOneCommonAlertThatGrowsWhenAnotherJoins() throws Exception {
        harness.close();
        harness = harness(3);
        send(seasonal(NODE, "东城区", DAY, 30));
        send(seasonal(NODE, "西城区", DAY.plusDays(1), 20));
        send(seasonal(NODE, "朝阳区", DAY.plusDays(2), 25));
        send(seasonal(NODE, "东城区", DAY.plusDays(2), 28)); // the same districts again: no news
        send(seasonal(NODE, "海淀区", DAY.plusDays(3), 22)); // a fourth district joins
        send(seasonal(NODE, "东城区", DAY.plusDays(9), 30)); // long after: alone
        harness.processWatermark(TestRecords.DAYS.endOfDay(DAY.plusDays(20)));

        List<Alert> common = harness.extractOutputValues();
        assertThat(common).extracting(Alert::windowStart, Alert::windowEnd).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DAY, DAY.plusDays(2)),
                org.assertj.core.groups.Tuple.tuple(DAY.plusDays(1), DAY.plusDays(3)));
        assertThat(common.get(0).districts()).containsExactlyInAnyOrder("东城区", "西城区", "朝阳区");
        assertThat(common.get(1).districts()).containsExactlyInAnyOrder("东城区", "西城区", "朝阳区", "海淀区");
        assertThat(common.get(0).evidence().note()).contains("within 3 days");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void twoDistrictsAreNotEnoughAndOtherNodesDoNotCount() throws Exception {
        send(seasonal(NODE, "东城区", DAY, 30));
        send(seasonal(NODE, "西城区", DAY, 20));
        send(seasonal("环境保护", "朝阳区", DAY, 20));
        send(Alert.of(AlertKind.EMERGING, NODE, List.of("海淀区"), DAY, DAY, 3, 0, 9, Double.NaN, null));
        harness.processWatermark(TestRecords.DAYS.endOfDay(DAY));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
