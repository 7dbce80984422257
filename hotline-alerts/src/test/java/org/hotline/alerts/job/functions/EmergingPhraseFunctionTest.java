package org.hotline.alerts.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.job.AlertSettings;
import org.hotline.alerts.job.EmergingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmergingPhraseFunctionTest {
    private static final LocalDate START = LocalDate.parse("2026-03-02");
    private static final int WINDOW = 28;
    /** 噪音 and 路灯 are known; 损坏, 收费 and 物业 are not, but steady. */
    private static final EmergingSettings EMERGING = new EmergingSettings(WINDOW, 7, 5, 1, 0.01, List.of("噪音", "路灯"));
    private static final String[] ORDINARY = {"路灯 损坏", "物业 收费", "夜间 噪音"};

    private KeyedOneInputStreamOperatorTestHarness<String, PhraseEvent, Alert> harness;
    private int nextId;

    private void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new EmergingPhraseFunction(AlertSettings.defaults().withEmerging(EMERGING))),
                event -> EmergingPhraseFunction.CITY, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void records(LocalDate day, String district, String tokens, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String id = "r-" + nextId++;
            harness.processElement(new StreamRecord<>(PhraseEvent.of(TestRecords.tagged(id, day, LocalTime.NOON,
                    district, tokens, List.of())), TestRecords.at(day)));
        }
    }

    /** 21 ordinary records, and {@code bikes} records about scooters (a new phrase next to a known one). */
    private void day(int d, int bikes) throws Exception {
        LocalDate day = START.plusDays(d);
        for (int i = 0; i < 21; i++) {
            records(day, i % 2 == 0 ? "东城区" : "西城区", ORDINARY[i % 3], 1);
        }
        records(day, "朝阳区", "滑板车 噪音", bikes);
        harness.processWatermark(TestRecords.DAYS.endOfDay(day));
    }

    @Test
    void aNewPhraseBurstingAfterAFullWindowIsReportedOnceWithItsEvidence() throws Exception {
        open();
        for (int d = 0; d < WINDOW; d++) {
            day(d, 0);
        }
        assertThat(harness.extractOutputValues()).isEmpty();

        LocalDate burst = START.plusDays(WINDOW);
        day(WINDOW, 6);
        day(WINDOW + 1, 8);
        day(WINDOW + 2, 9);

        // 噪音 and 滑板车噪音 burst too, but the taxonomy knows them; the burst goes on but is reported once.
        assertThat(harness.extractOutputStreamRecords()).singleElement().satisfies(record -> {
            assertThat(record.getTimestamp()).isEqualTo(TestRecords.DAYS.endOfDay(burst));
            Alert alert = record.getValue();
            assertThat(alert.kind()).isEqualTo(AlertKind.EMERGING);
            assertThat(alert.nodePath()).isEqualTo("phrase:滑板车");
            assertThat(alert.districts()).containsExactly("朝阳区");
            assertThat(alert.windowStart()).isEqualTo(burst.minusDays(6));
            assertThat(alert.windowEnd()).isEqualTo(burst);
            assertThat(alert.observed()).isEqualTo(6);
            assertThat(alert.expected()).isZero();
            assertThat(alert.evidence().exampleRecordIds()).hasSize(3).allMatch(id -> id.startsWith("r-"));
            assertThat(alert.evidence().note()).startsWith("new phrase, unknown to the taxonomy");
        });
    }

    @Test
    void laterPiecesOfAnAlertedProblemAreTheSameEventButANewProblemIsNot() throws Exception {
        open();
        for (int d = 0; d < WINDOW; d++) {
            day(d, 0);
        }
        day(WINDOW, 8);
        for (int d = WINDOW + 1; d <= WINDOW + 2; d++) {
            LocalDate day = START.plusDays(d);
            for (int i = 0; i < 21; i++) {
                records(day, "东城区", ORDINARY[i % 3], 1);
            }
            records(day, "朝阳区", "滑板车 充电 起火", 8);
            records(day, "海淀区", "电梯 困人", 8);
            harness.processWatermark(TestRecords.DAYS.endOfDay(day));
        }

        // 充电, 起火 and their pairs burst in records that also name 滑板车, already alerted: one event. 困人 is new
        // (电梯 and its pairs the taxonomy knows).
        assertThat(harness.extractOutputValues()).extracting(Alert::nodePath)
                .containsExactly("phrase:滑板车", "phrase:困人");
    }

    @Test
    void recordsWithoutADistrictAddNoPlaceToTheAlert() throws Exception {
        open();
        for (int d = 0; d < WINDOW; d++) {
            day(d, 0);
        }
        LocalDate burst = START.plusDays(WINDOW);
        records(burst, "朝阳区", "滑板车", 4);
        records(burst, null, "滑板车", 4);
        harness.processWatermark(TestRecords.DAYS.endOfDay(burst));

        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(alert -> assertThat(alert.districts()).containsExactly("朝阳区"));
    }

    @Test
    void decidesNothingUntilTheWindowIsFull() throws Exception {
        open();
        for (int d = 0; d < WINDOW - 1; d++) {
            day(d, d >= WINDOW - 4 ? 8 : 0);
        }
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void keepsOnlyTheWindowAndLeaksNoStateOrTimers() throws Exception {
        open();
        for (int d = 0; d < WINDOW + 5; d++) {
            day(d, d == WINDOW + 1 ? 8 : 0);
        }
        // The closed days and the reported phrase; nothing of the open days. One purge timer per day in the window.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(WINDOW);

        // A day still open holds its record count, its phrases and its timer.
        records(START.plusDays(WINDOW + 5), "东城区", "路灯 损坏", 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(4);
        assertThat(harness.numEventTimeTimers()).isEqualTo(WINDOW + 1);

        // The city falls silent: once the window has passed, nothing is left.
        harness.processWatermark(TestRecords.DAYS.endOfDay(START.plusDays(2 * WINDOW + 6)));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aRecordsPhrasesAreItsWordLikeTokensAndTheirPairs() {
        PhraseEvent event = PhraseEvent.of(TestRecords.tagged("r", START, LocalTime.NOON, null, "滑板车 乱停 ， 门口",
                List.of()));
        assertThat(event.district()).isEqualTo(FanOutToSeries.UNKNOWN_DISTRICT);
        assertThat(event.phrases()).containsExactly("滑板车", "乱停", "滑板车乱停", "门口");
    }

    @Test
    void unknownWordsCutIntoSingleCharactersComeBackJoined() {
        PhraseEvent event = PhraseEvent.of(TestRecords.tagged("r", START, LocalTime.NOON, null,
                "家电 以 旧 换 新 补贴 没 到 账", List.of()));
        assertThat(event.phrases()).containsExactly("家电", "以旧换新", "补贴", "没到账");
    }

    @Test
    void phrasesNamingTheRecordsOwnPlaceAreLeftOut() {
        // TestRecords puts the record in 东城区, street 东城区一街道.
        PhraseEvent event = PhraseEvent.of(TestRecords.tagged("r", START, LocalTime.NOON, "东城区",
                "东城区 一街道 滑板车 乱停", List.of()));
        assertThat(event.phrases()).containsExactly("滑板车", "乱停", "滑板车乱停");
    }
}
