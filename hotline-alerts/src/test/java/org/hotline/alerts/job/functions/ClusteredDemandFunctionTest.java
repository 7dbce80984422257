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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusteredDemandFunctionTest {
    private static final String NODE = "城乡建设/供水";
    private static final LocalDate START = LocalDate.parse("2026-03-01");
    private static final List<String> STREETS = List.of("和平里街道", "安定门街道", "交道口街道", "景山街道", "东华门街道");

    private KeyedOneInputStreamOperatorTestHarness<String, SeriesEvent, Alert> harness;
    private int nextId;

    @BeforeEach
    void open() throws Exception {
        open(AlertSettings.defaults());
    }

    private void open(AlertSettings settings) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ClusteredDemandFunction(settings)), SeriesEvent::nodePath,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void records(String street, LocalDate day, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            harness.processElement(new StreamRecord<>(new SeriesEvent(NODE, 2, "东城区", street, "r-" + nextId++,
                    "停水"), TestRecords.at(day)));
        }
    }

    private void day(int d, String surgeStreet, int surge) throws Exception {
        LocalDate day = START.plusDays(d);
        for (String street : STREETS) {
            records(street, day, street.equals(surgeStreet) ? surge : 3);
        }
        records(null, day, 5); // no street: not scanned
        harness.processWatermark(TestRecords.DAYS.endOfDay(day));
    }

    @Test
    void aBurstInOneStreetIsAClusterAndSteadyDaysAreNot() throws Exception {
        for (int d = 0; d < 13; d++) {
            day(d, null, 0);
        }
        assertThat(harness.extractOutputValues()).isEmpty();

        day(13, "景山街道", 25);

        LocalDate surgeDay = START.plusDays(13);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.CLUSTERED);
            assertThat(alert.nodePath()).isEqualTo(NODE);
            assertThat(alert.districts()).containsExactly("东城区/景山街道");
            assertThat(alert.windowEnd()).isEqualTo(surgeDay);
            assertThat(alert.windowStart()).isEqualTo(surgeDay);
            assertThat(alert.observed()).isEqualTo(25);
            assertThat(alert.pValue()).isLessThan(0.002);
            assertThat(alert.evidence().exampleRecordIds()).hasSize(2);
            assertThat(alert.id()).isEqualTo(Alert.idOf(AlertKind.CLUSTERED, NODE, List.of("东城区/景山街道"),
                    surgeDay, surgeDay));
        });
    }

    @Test
    void anOngoingClusterIsReportedOnceAndANewOneAgain() throws Exception {
        for (int d = 0; d < 13; d++) {
            day(d, null, 0);
        }
        day(13, "景山街道", 25);
        day(14, "景山街道", 8);  // the longer windows [13, 14] would be the same excess again
        day(15, null, 0);
        day(16, null, 0);
        day(17, "景山街道", 30); // a new burst, after the reported day

        assertThat(harness.extractOutputValues()).extracting(Alert::windowStart)
                .containsExactly(START.plusDays(13), START.plusDays(17));
    }

    @Test
    void theSameDataGivesTheSameClusterAndPValue() throws Exception {
        // A weak cluster, reported only because alpha is lax here: its Monte Carlo p-value is mid-range.
        AlertSettings lax = AlertSettings.from(org.hotline.models.config.HotlineConfig.defaults()
                .with("alerts.clusterAlpha", "0.9"));
        close();
        open(lax);
        for (int d = 0; d < 13; d++) {
            day(d, d == 12 ? "安定门街道" : null, 9);
        }
        day(13, "安定门街道", 12);
        List<Alert> first = harness.extractOutputValues();

        close();
        open(lax);
        nextId = 0;
        for (int d = 0; d < 13; d++) {
            day(d, d == 12 ? "安定门街道" : null, 9);
        }
        day(13, "安定门街道", 12);

        assertThat(first).isNotEmpty().allSatisfy(alert -> assertThat(alert.pValue()).isBetween(0.002, 0.9));
        assertThat(harness.extractOutputValues()).isEqualTo(first);
    }

    @Test
    void daysLeaveTheStateWithTheWindowAndNoTimerIsLeft() throws Exception {
        for (int d = 0; d < 20; d++) {
            day(d, null, 0);
        }
        // The 14-day window, plus one purge timer per remaining day.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processWatermark(TestRecords.DAYS.endOfDay(START.plusDays(40)));

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
