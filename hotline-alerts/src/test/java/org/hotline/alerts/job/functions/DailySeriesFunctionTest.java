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

class DailySeriesFunctionTest {
    private static final String NODE = "城乡建设/供热";
    private static final String DISTRICT = "东城区";
    /** A steady week: C2's alarm line is its mean + 3 SD ≈ 7.3, never reached. */
    private static final int[] STEADY = {5, 6, 4, 5, 6, 5, 4};
    private static final LocalDate START = LocalDate.parse("2026-01-05");

    private KeyedOneInputStreamOperatorTestHarness<String, SeriesEvent, Alert> harness;
    private int nextId;

    private void open(AlertSettings settings) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DailySeriesFunction(settings)), SeriesEvent::seriesKey, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private void records(String district, LocalDate day, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            harness.processElement(new StreamRecord<>(
                    TestRecords.event(NODE, district, "r-" + nextId++, "暖气 不热 小区"), TestRecords.at(day)));
        }
    }

    private void endOf(LocalDate day) throws Exception {
        harness.processWatermark(TestRecords.DAYS.endOfDay(day));
    }

    /** Steady days 0..days-1, each closed by the watermark. */
    private void steady(String district, int days) throws Exception {
        for (int d = 0; d < days; d++) {
            records(district, START.plusDays(d), STEADY[d % STEADY.length]);
            endOf(START.plusDays(d));
        }
    }

    @Test
    void aSurgeInAYoungSeriesRaisesOneSeasonalAlertFromEarsC2() throws Exception {
        open(AlertSettings.defaults());
        steady(DISTRICT, 30);
        assertThat(harness.extractOutputValues()).isEmpty();

        LocalDate surgeDay = START.plusDays(30);
        records(DISTRICT, surgeDay, 40);
        assertThat(harness.extractOutputValues()).as("nothing before the day ends").isEmpty();
        endOf(surgeDay);

        List<Alert> alerts = harness.extractOutputValues();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.SEASONAL);
            assertThat(alert.nodePath()).isEqualTo(NODE);
            assertThat(alert.districts()).containsExactly(DISTRICT);
            assertThat(alert.windowStart()).isEqualTo(surgeDay);
            assertThat(alert.windowEnd()).isEqualTo(surgeDay);
            assertThat(alert.observed()).isEqualTo(40);
            assertThat(alert.expected()).isBetween(4.0, 6.0);
            assertThat(alert.id()).isEqualTo(Alert.idOf(AlertKind.SEASONAL, NODE, List.of(DISTRICT), surgeDay,
                    surgeDay));
            assertThat(alert.evidence().note()).contains("ears-c2");
            assertThat(alert.evidence().exampleRecordIds()).hasSize(3);
            assertThat(alert.evidence().topPhrases()).containsExactly("不热", "小区", "暖气");
        });
        assertThat(harness.getOutput()).filteredOn(o -> o instanceof StreamRecord<?>)
                .extracting(o -> ((StreamRecord<?>) o).getTimestamp())
                .containsExactly(TestRecords.DAYS.endOfDay(surgeDay));
    }

    @Test
    void noSeasonalDecisionDuringTheWarmUpAndHighFrequencyIsLeftToTheDistrictFunction() throws Exception {
        open(AlertSettings.defaults().withRulesJson(
                "{\"nodes\": {\"城乡建设/供热\": {\"minDailyCount\": 30}}}"));
        steady(DISTRICT, 5);
        records(DISTRICT, START.plusDays(5), 40);
        endOf(START.plusDays(5));

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void silentDaysCountAsZerosAndFireNoTimer() throws Exception {
        open(AlertSettings.defaults());
        steady(DISTRICT, 14);
        // Eleven days without records, then a normal day: C2's baseline (days t-9..t-3) is all zeros now, so the
        // normal day alarms; had the silent days been skipped instead of counted, the baseline would be steady.
        LocalDate after = START.plusDays(25);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1); // only the cleanup timer
        records(DISTRICT, after, 5);
        endOf(after);

        assertThat(harness.extractOutputValues()).extracting(Alert::kind, Alert::windowEnd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.SEASONAL, after));
    }

    @Test
    void keepsOneHistoryPerSeriesAndLeaksNoStateOrTimers() throws Exception {
        open(AlertSettings.defaults().withSeriesTtlDays(30));
        steady(DISTRICT, 10);
        steady("西城区", 10);

        // Per series: the history and the cleanup time; open days are gone once closed.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(4);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        // A day still open holds its evidence and its timer.
        records(DISTRICT, START.plusDays(10), 3);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(5);
        assertThat(harness.numEventTimeTimers()).isEqualTo(3);
        endOf(START.plusDays(10));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(4);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        // Thirty silent days later both series are dropped: no state, no timers.
        endOf(START.plusDays(10 + 31));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aLateRecordCountsInTheHistoryButRaisesNoAlert() throws Exception {
        open(AlertSettings.defaults());
        steady(DISTRICT, 20);
        // 40 records for a day the watermark has passed: a surge, but too late to be reported.
        records(DISTRICT, START.plusDays(19), 40);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(harness.extractOutputValues()).isEmpty();

        // Day 19 now holds 44: the next days' baseline (days t-9..t-3) sees it.
        LocalDate later = START.plusDays(22);
        records(DISTRICT, later, 60);
        endOf(later);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(alert ->
                assertThat(alert.expected()).isGreaterThan(9));
    }

    @Test
    void aSmallNodeGrowingFasterEachWeekRaisesOneEmergingAlert() throws Exception {
        open(AlertSettings.defaults());
        // Eight weeks with one record (on Mondays), then 3, 6 and 14 a week, and a fourth week at 14: never more than
        // 2 records a day, so no day is SEASONAL on its own.
        int[][] weeks = {{1, 0, 0, 0, 0, 0, 0}, {1, 0, 1, 0, 1, 0, 0}, {1, 1, 1, 1, 1, 1, 0}, {2, 2, 2, 2, 2, 2, 2}};
        int day = 0;
        for (int week = 0; week < 12; week++) {
            int[] counts = weeks[Math.min(Math.max(week - 7, 0), 3)];
            for (int weekday = 0; weekday < 7; weekday++, day++) {
                if (counts[weekday] > 0) {
                    records(DISTRICT, START.plusDays(day), counts[weekday]);
                    endOf(START.plusDays(day));
                }
            }
        }

        assertThat(harness.extractOutputValues()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.EMERGING);
            assertThat(alert.nodePath()).isEqualTo(NODE);
            assertThat(alert.districts()).containsExactly(DISTRICT);
            assertThat(alert.observed()).isGreaterThanOrEqualTo(6);
            assertThat(alert.expected()).isEqualTo(1);
            assertThat(alert.pValue()).isLessThan(0.001);
            assertThat(java.time.temporal.ChronoUnit.DAYS.between(alert.windowStart(), alert.windowEnd()))
                    .isEqualTo(20);
            assertThat(alert.evidence().note()).contains("growing faster each week");
            assertThat(alert.evidence().exampleRecordIds()).isNotEmpty();
        });
    }

    /** Heating-like: 2 a day, 12 a day from about 15 October (± 3 days, seeded) to 15 March. */
    private static int heatingCount(java.util.Random random, LocalDate day, int shift) {
        int doy = day.getDayOfYear();
        return org.hotline.alerts.Synthetic.poisson(random, doy >= 288 + shift || doy <= 74 ? 12 : 2);
    }

    /** Closes every day of [from, to] with heating-like counts; returns the PERIODIC alerts with their day. */
    private List<StreamRecord<? extends Alert>> heatingDays(LocalDate from, LocalDate to) throws Exception {
        java.util.Random random = new java.util.Random(7);
        int shift = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfYear() == 1) {
                shift = random.nextInt(7) - 3;
            }
            records(DISTRICT, day, heatingCount(random, day, shift));
            endOf(day);
        }
        return harness.extractOutputStreamRecords().stream()
                .filter(r -> r.getValue().kind() == AlertKind.PERIODIC).toList();
    }

    @Test
    void warnsOnceOfTheYearlyRiseOnAWeeklyCheckWithinTheLeadDays() throws Exception {
        open(AlertSettings.defaults().withSeriesTtlDays(30));
        LocalDate last = LocalDate.parse("2024-10-31");
        List<StreamRecord<? extends Alert>> warnings = heatingDays(LocalDate.parse("2021-09-01"), last);

        // Three years of history are there from 2024-08-31 on: one warning before the 2024 rise, none before.
        assertThat(warnings).singleElement().satisfies(warning -> {
            Alert alert = warning.getValue();
            LocalDate onset = alert.windowStart();
            LocalDate checked = TestRecords.DAYS.dayOf(warning.getTimestamp());
            assertThat(onset).isBetween(LocalDate.parse("2024-10-08"), LocalDate.parse("2024-10-22"))
                    .isEqualTo(alert.windowEnd());
            assertThat(checked.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
            assertThat(java.time.temporal.ChronoUnit.DAYS.between(checked, onset)).isBetween(8L, 14L);
            assertThat(alert.nodePath()).isEqualTo(NODE);
            assertThat(alert.districts()).containsExactly(DISTRICT);
            assertThat(alert.id()).isEqualTo(Alert.idOf(AlertKind.PERIODIC, NODE, List.of(DISTRICT), onset, onset));
            assertThat(alert.evidence().note()).contains("yearly rise expected in", "past onsets");
        });

        // Silent for the TTL: the history, the cleanup time and the onset warned of all go.
        endOf(last.plusDays(31));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void noPeriodicWarningWhenTurnedOffAndTheHistoryStaysAtWhatSeasonalNeeds() throws Exception {
        AlertSettings off = AlertSettings.defaults().withPeriodicLeadDays(0);
        assertThat(off.seriesHistoryDays()).isEqualTo(org.hotline.alerts.alert.SeriesAlerter.HISTORY_DAYS);
        assertThat(AlertSettings.defaults().seriesHistoryDays())
                .isEqualTo(org.hotline.alerts.periodic.PeriodicityDetector.HISTORY_DAYS);
        open(off);
        assertThat(heatingDays(LocalDate.parse("2021-09-01"), LocalDate.parse("2024-10-20"))).isEmpty();
    }

    @Test
    void theWeeklyCheckIsTheFirstDayASeriesClosesInAWeek() {
        LocalDate wednesday = LocalDate.parse("2026-01-07");
        assertThat(DailySeriesFunction.isFirstCloseOfWeek(null, wednesday)).isTrue();
        assertThat(DailySeriesFunction.isFirstCloseOfWeek(wednesday.minusDays(3), wednesday)).as("Sunday before")
                .isTrue();
        assertThat(DailySeriesFunction.isFirstCloseOfWeek(wednesday.minusDays(2), wednesday)).as("this Monday")
                .isFalse();
    }
}
