package org.hotline.alerts.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.cluster.Report;
import org.junit.jupiter.api.Test;

class EmergingPhraseDetectorTest {

    private static final ZoneId ZONE = ZoneOffset.ofHours(8);
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
    }

    /** 30 days of ordinary reports; in the last 4 days a new problem ("共享单车乱停") appears 6 times a day. */
    private static List<Report> reports() {
        List<Report> reports = new ArrayList<>();
        String[] ordinary = {"路灯 损坏", "噪音 扰民", "物业 收费", "垃圾 清运"};
        int id = 0;
        for (int d = 29; d >= 0; d--) {
            LocalDate day = AS_OF.minusDays(d);
            for (int i = 0; i < 20; i++) {
                reports.add(new Report("r" + id++, at(day), "A" + (i % 3) + "区", ordinary[i % 4]));
            }
            if (d < 4) {
                for (int i = 0; i < 6; i++) {
                    reports.add(new Report("r" + id++, at(day), "A1区", "共享单车乱停 噪音"));
                }
            }
        }
        return reports;
    }

    private static Set<String> words(String text) {
        return Set.of(text.split(" "));
    }

    @Test
    void flagsTheNewPhraseAndSaysTheTaxonomyDoesNotKnowIt() {
        EmergingPhraseDetector detector = new EmergingPhraseDetector(EmergingPhraseDetectorTest::words,
                KleinbergBurst.standard(), Set.of("噪音", "路灯", "物业管理", "垃圾"), 7, 5, 2.0, 0.01, 1, ZONE);
        List<Alert> alerts = detector.detect(reports(), AS_OF);
        assertThat(alerts).extracting(Alert::nodePath).containsExactly("phrase:共享单车乱停");
        Alert alert = alerts.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.EMERGING);
        assertThat(alert.observed()).isEqualTo(24);
        assertThat(alert.expected()).isZero();
        assertThat(alert.districts()).containsExactly("A1区");
        assertThat(alert.evidence().note()).startsWith("new phrase, unknown to the taxonomy");
        assertThat(alert.evidence().exampleRecordIds()).hasSize(5);
    }

    @Test
    void ignoresReportsAfterTheDecisionDay() {
        EmergingPhraseDetector detector = new EmergingPhraseDetector(EmergingPhraseDetectorTest::words,
                KleinbergBurst.standard(), Set.of(), 7, 5, 2.0, 0.01, 1, ZONE);
        assertThat(detector.detect(reports(), AS_OF.minusDays(4))).isEmpty();
    }

    @Test
    void hanlpPhrasesIncludeWordsAndWordPairs() {
        Set<String> phrases = Phrases.hanlpWordsAndBigrams().apply("小区暖气不热，物业不管");
        assertThat(phrases).contains("暖气", "小区");
        assertThat(phrases).anyMatch(p -> p.length() >= 4);
        assertThat(Phrases.characterNgrams(2).apply("暖气不热")).containsExactly("暖气", "气不", "不热");
    }

    /** The counts of {@link #reports()}: 20 ordinary reports a day (5 with 噪音), 6 more with the new phrase. */
    private static Map<String, int[]> countsOf(int[] documents) {
        int[] noise = new int[30];
        int[] bikes = new int[30];
        for (int t = 0; t < 30; t++) {
            documents[t] = t >= 26 ? 26 : 20;
            noise[t] = t >= 26 ? 11 : 5;
            bikes[t] = t >= 26 ? 6 : 0;
        }
        return Map.of("噪音", noise, "共享单车乱停", bikes);
    }

    @Test
    void countsGiveWhatTheReportsGive() {
        EmergingPhraseDetector detector = new EmergingPhraseDetector(EmergingPhraseDetectorTest::words,
                KleinbergBurst.standard(), Set.of("噪音", "路灯", "物业管理", "垃圾"), 7, 5, 2.0, 0.01, 1, ZONE);
        int[] documents = new int[30];
        Map<String, int[]> counts = countsOf(documents);
        Map<String, EmergingPhraseDetector.PhraseEvidence> evidence = Map.of("共享单车乱停",
                new EmergingPhraseDetector.PhraseEvidence(Set.of("A1区"),
                        List.of(List.of("a", "b", "c"), List.of("d", "e", "f"))));

        List<Alert> fromCounts = detector.detect(AS_OF.minusDays(29), documents, counts, evidence, Set.of());

        assertThat(fromCounts).singleElement().satisfies(alert -> {
            assertThat(alert.nodePath()).isEqualTo("phrase:共享单车乱停");
            assertThat(alert.windowStart()).isEqualTo(AS_OF.minusDays(6));
            assertThat(alert.windowEnd()).isEqualTo(AS_OF);
            assertThat(alert.observed()).isEqualTo(24);
            assertThat(alert.districts()).containsExactly("A1区");
            assertThat(alert.evidence().exampleRecordIds()).containsExactly("a", "b", "c", "d", "e");
        });
        Alert fromReports = detector.detect(reports(), AS_OF).get(0);
        assertThat(fromCounts.get(0)).extracting(Alert::id, Alert::observed, Alert::expected, Alert::score,
                a -> a.evidence().note()).containsExactly(fromReports.id(), fromReports.observed(),
                fromReports.expected(), fromReports.score(), fromReports.evidence().note());
    }

    @Test
    void countsBelowTheRecentMinimumOrWithoutAFreshBurstRaiseNothing() {
        EmergingPhraseDetector strict = new EmergingPhraseDetector(EmergingPhraseDetectorTest::words,
                KleinbergBurst.standard(), Set.of(), 7, 25, 2.0, 0.01, 1, ZONE);
        int[] documents = new int[30];
        Map<String, int[]> counts = countsOf(documents);
        assertThat(strict.detect(AS_OF.minusDays(29), documents, counts, Map.of(), Set.of())).as("24 < 25 recent")
                .isEmpty();

        EmergingPhraseDetector shortRecent = new EmergingPhraseDetector(EmergingPhraseDetectorTest::words,
                KleinbergBurst.standard(), Set.of(), 3, 5, 2.0, 0.01, 1, ZONE);
        assertThat(shortRecent.detect(AS_OF.minusDays(29), documents, counts, Map.of(), Set.of()))
                .as("the burst began 4 days ago, before the 3 recent days").isEmpty();
    }

    @Test
    void aRiseThatChanceExplainsAmongThePhrasesTestedIsNotAlerted() {
        // 噪音 doubles (5 → 11 a day of 20 → 26 reports): a lift of 2, but 60 phrases as busy are tested that day.
        int[] documents = new int[30];
        Map<String, int[]> counts = new java.util.HashMap<>(countsOf(documents));
        int[] noise = counts.get("噪音");
        Map<String, int[]> many = new java.util.HashMap<>();
        for (int i = 0; i < 60; i++) {
            many.put("词" + i, noise);
        }
        EmergingPhraseDetector detector = new EmergingPhraseDetector(EmergingPhraseDetectorTest::words,
                KleinbergBurst.standard(), Set.of(), 7, 5, 2.0, 1e-9, 1, ZONE);

        List<Alert> alerts = detector.detect(AS_OF.minusDays(29), documents, many, Map.of(), Set.of());
        assertThat(alerts).isEmpty();
        Alert bikes = detector.detect(AS_OF.minusDays(29), documents, counts, Map.of(), Set.of()).stream()
                .filter(a -> a.nodePath().equals("phrase:共享单车乱停")).findFirst().orElseThrow();
        assertThat(bikes.pValue()).isLessThan(1e-9);
    }

    @Test
    void aDailyFloorChargesTheHiddenDaysSoItCostsSensitivityNotFalseAlarms() {
        int[] documents = new int[30];
        Map<String, int[]> counts = countsOf(documents);
        EmergingPhraseDetector exact = new EmergingPhraseDetector(EmergingPhraseDetectorTest::words,
                KleinbergBurst.standard(), Set.of("噪音"), 7, 5, 2.0, 0.01, 1, ZONE);
        EmergingPhraseDetector floored = new EmergingPhraseDetector(EmergingPhraseDetectorTest::words,
                KleinbergBurst.standard(), Set.of("噪音"), 7, 5, 2.0, 0.01, 3, ZONE);

        double exactP = exact.detect(AS_OF.minusDays(29), documents, counts, Map.of(), Set.of()).get(0).pValue();
        // 23 earlier days where up to 2 reports a day may have been hidden: 46 more earlier reports assumed.
        double flooredP = floored.detect(AS_OF.minusDays(29), documents, counts, Map.of(), Set.of()).stream()
                .mapToDouble(Alert::pValue).findFirst().orElse(1.0);
        assertThat(flooredP).isGreaterThan(exactP * 1e3);
    }

    @Test
    void piecesOfOneRisingProblemMakeOneAlert() {
        Alert lead = phraseAlert("以旧换", 9);
        Alert inside = phraseAlert("以旧换新", 6);
        Alert sameRecords = phraseAlert("新问题", 5);
        Alert other = phraseAlert("滑板车", 4);
        Map<String, EmergingPhraseDetector.PhraseEvidence> evidence = Map.of(
                "以旧换", sample(List.of("r1", "r2", "r3"), List.of("r4", "r6", "r7")),
                "以旧换新", sample(List.of("r9"), List.of()),
                "新问题", sample(List.of("r2", "r3", "r8"), List.of("r4", "r6")),
                "滑板车", sample(List.of("r5"), List.of("r10", "r11")));

        List<Alert> merged = EmergingPhraseDetector.mergeSameEvent(List.of(lead, inside, sameRecords, other),
                evidence);

        assertThat(merged).extracting(Alert::nodePath).containsExactly("phrase:以旧换", "phrase:滑板车");
        assertThat(merged.get(0).id()).isEqualTo(lead.id());
        assertThat(merged.get(0).evidence().topPhrases()).containsExactly("以旧换", "以旧换新", "新问题");
    }

    @Test
    void containmentIsEstimatedBelowBothSamplesBounds() {
        // Day 1: whole sampled r1..r3 (it had more); part sampled r2, r4, r5: only r2 lies below r3, and whole has
        // it. Day 2: whole's sample is complete (2 ids), part's r7 is not in it.
        EmergingPhraseDetector.PhraseEvidence whole = sample(List.of("r1", "r2", "r3"), List.of("r6", "r8"));
        EmergingPhraseDetector.PhraseEvidence part = sample(List.of("r2", "r4", "r5"), List.of("r7"));
        assertThat(EmergingPhraseDetector.containment(part, whole)).isEqualTo(0.5);
        // Reversed: day 1 considers r1..r3 (r2 shared), day 2 both of whole's (part's sample is complete): 1 of 5.
        assertThat(EmergingPhraseDetector.containment(whole, part)).isEqualTo(0.2);
        assertThat(EmergingPhraseDetector.containment(sample(List.of(), List.of()), whole)).isZero();
    }

    @Test
    void aPhraseMostlyInTheRecordsOfAReportedOneIsTheSameEvent() {
        int[] documents = new int[30];
        Map<String, int[]> counts = new java.util.HashMap<>(countsOf(documents));
        counts.put("充电起火", counts.get("共享单车乱停").clone());
        EmergingPhraseDetector detector = new EmergingPhraseDetector(EmergingPhraseDetectorTest::words,
                KleinbergBurst.standard(), Set.of("噪音"), 7, 5, 2.0, 0.01, 1, ZONE);
        List<String> none = List.of();
        Map<String, EmergingPhraseDetector.PhraseEvidence> evidence = Map.of(
                "共享单车乱停", sample(none, none, none, List.of("a1", "a2", "a3"), List.of("b1", "b2", "b3")),
                "充电起火", sample(none, none, none, List.of("a1", "a2", "a3"), List.of("b1", "b4", "b5")));

        assertThat(detector.detect(AS_OF.minusDays(29), documents, counts, evidence, Set.of("共享单车乱停")))
                .isEmpty();
        assertThat(detector.detect(AS_OF.minusDays(29), documents, counts, evidence, Set.of()))
                .extracting(Alert::nodePath).singleElement().isIn("phrase:共享单车乱停", "phrase:充电起火");
    }

    @SafeVarargs
    private static EmergingPhraseDetector.PhraseEvidence sample(List<String>... days) {
        return new EmergingPhraseDetector.PhraseEvidence(Set.of("A1区"), List.of(days));
    }

    private static Alert phraseAlert(String phrase, double score) {
        return Alert.of(AlertKind.EMERGING, "phrase:" + phrase, List.of("A1区"), AS_OF.minusDays(6), AS_OF, 8, 0,
                score, 1e-6, new Evidence(List.of(phrase), List.of(), "new phrase"));
    }

    @Test
    void tokenPhrasesAreWordLikeTokensAndAdjacentPairs() {
        assertThat(Phrases.tokensAndBigrams().apply(" 共享 单车 乱停 ， 的 小区 12 门口 "))
                .containsExactly("共享", "单车", "共享单车", "乱停", "单车乱停", "小区", "门口");
        assertThat(Phrases.tokensAndBigrams().apply("")).isEmpty();
        assertThat(Phrases.tokensAndBigrams().apply("3月 10日 起 ， 5G 基站 2019年")).containsExactly("5G", "基站", "5G基站");
        assertThat(Phrases.tokensAndBigrams().apply("以 旧 换 新的 问题 ， 我 说"))
                .containsExactly("以旧换", "新的", "问题", "新的问题", "我说");
    }
}
