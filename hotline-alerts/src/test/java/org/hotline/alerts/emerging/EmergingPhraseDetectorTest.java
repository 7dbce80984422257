package org.hotline.alerts.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
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
                KleinbergBurst.standard(), Set.of("噪音", "路灯", "物业管理", "垃圾"), 7, 5, 2.0, ZONE);
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
                KleinbergBurst.standard(), Set.of(), 7, 5, 2.0, ZONE);
        assertThat(detector.detect(reports(), AS_OF.minusDays(4))).isEmpty();
    }

    @Test
    void hanlpPhrasesIncludeWordsAndWordPairs() {
        Set<String> phrases = Phrases.hanlpWordsAndBigrams().apply("小区暖气不热，物业不管");
        assertThat(phrases).contains("暖气", "小区");
        assertThat(phrases).anyMatch(p -> p.length() >= 4);
        assertThat(Phrases.characterNgrams(2).apply("暖气不热")).containsExactly("暖气", "气不", "不热");
    }
}
