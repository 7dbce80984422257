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
import org.hotline.alerts.job.AlertSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HighFrequencyFunctionTest {
    private static final String HEATING = "城乡建设/供热/暖气不热";
    private static final String NOISE = "环境保护/噪音污染/施工噪音";
    private static final String DISTRICT = "东城区";
    private static final LocalDate DAY = LocalDate.parse("2026-01-20");

    private KeyedOneInputStreamOperatorTestHarness<String, SeriesEvent, Alert> harness;
    private int nextId;

    private void open(String rulesJson) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new HighFrequencyFunction(AlertSettings.defaults().withRulesJson(rulesJson))),
                SeriesEvent::district, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    /** {@code count} records on {@code day}, each fanned out to every level of {@code leaf} as the job does. */
    private void records(String district, String leaf, LocalDate day, int count) throws Exception {
        String[] parts = leaf.split("/");
        for (int i = 0; i < count; i++) {
            String id = "r-" + nextId++;
            for (int level = 1; level <= parts.length; level++) {
                String node = String.join("/", java.util.Arrays.copyOf(parts, level));
                harness.processElement(new StreamRecord<>(
                        TestRecords.event(node, district, id, "暖气 不热"), TestRecords.at(day)));
            }
        }
    }

    private void endOf(LocalDate day) throws Exception {
        harness.processWatermark(TestRecords.DAYS.endOfDay(day));
    }

    @Test
    void aNodesShareOfItsDistrictsDayRaisesOneAlertWhenTheDayCloses() throws Exception {
        open("{\"nodes\": {\"城乡建设/供热\": {\"maxDailyShare\": 0.25}}}");
        records(DISTRICT, HEATING, DAY, 8);
        records(DISTRICT, NOISE, DAY, 22);
        records("西城区", HEATING, DAY, 8);
        records("西城区", NOISE, DAY, 40);
        assertThat(harness.extractOutputValues()).as("nothing before the day ends").isEmpty();
        endOf(DAY);

        // 东城区: 8 of 30 = 26.7% at both watched levels; 西城区: 8 of 48 = 16.7%, below.
        List<Alert> alerts = harness.extractOutputValues();
        assertThat(alerts).extracting(Alert::nodePath).containsExactly("城乡建设/供热", HEATING);
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.HIGH_FREQUENCY);
            assertThat(alert.districts()).containsExactly(DISTRICT);
            assertThat(alert.windowStart()).isEqualTo(DAY);
            assertThat(alert.observed()).isEqualTo(8);
            assertThat(alert.expected()).isEqualTo(8);
            assertThat(alert.evidence().exampleRecordIds()).containsExactly("r-0", "r-1", "r-2");
            assertThat(alert.evidence().topPhrases()).containsExactly("不热", "暖气");
            assertThat(alert.evidence().note()).contains("26.7% of the district's 30");
        });
        assertThat(harness.getOutput()).filteredOn(o -> o instanceof StreamRecord<?>)
                .extracting(o -> ((StreamRecord<?>) o).getTimestamp())
                .containsOnly(TestRecords.DAYS.endOfDay(DAY));
    }

    @Test
    void theCountThresholdStillWorksAndUnwatchedNodesKeepNoEvidence() throws Exception {
        open("{\"nodes\": {\"城乡建设/供热\": {\"minDailyCount\": 30}}}");
        records(DISTRICT, NOISE, DAY, 50);
        // Only the open day's total (no watched node yet) and its timer.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        records(DISTRICT, HEATING, DAY, 30);
        endOf(DAY);

        assertThat(harness.extractOutputValues()).extracting(Alert::nodePath, Alert::observed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("城乡建设/供热", 30.0),
                        org.assertj.core.groups.Tuple.tuple(HEATING, 30.0));
    }

    @Test
    void closedDaysLeaveNoStateOrTimersAndLateRecordsAreIgnored() throws Exception {
        open("{\"defaultNode\": {\"minDailyCount\": 3}}");
        records(DISTRICT, HEATING, DAY, 2);
        records(DISTRICT, HEATING, DAY.plusDays(1), 2);
        // One timer per open day; the district's totals and its watched nodes (a map state each).
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

        endOf(DAY);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        records(DISTRICT, HEATING, DAY, 5);
        endOf(DAY.plusDays(1));

        assertThat(harness.extractOutputValues()).as("5 late records do not reopen a closed day").isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}
