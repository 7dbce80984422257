package org.hotline.alerts.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.emerging.EmergingPhraseDetector;
import org.hotline.alerts.job.AlertSettings;
import org.hotline.alerts.job.EmergingSettings;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.sample.Gazetteer;
import org.hotline.models.sample.Surge;
import org.hotline.models.sample.SyntheticDemands;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.text.Segmenter;
import org.junit.jupiter.api.Test;

/**
 * EMERGING, with the default settings, on the demo's kind of data: 13 weeks of synthetic demands (about 22 a day),
 * the demo's surges (a street's noise, heating in three districts) and one planted new problem the taxonomy has no
 * word for, which the segmenter cuts into single characters. The planted problem must be found, and nothing else.
 */
class EmergingOnSyntheticDemandsTest {
    private static final String NEW_PROBLEM = "以旧换新";
    private static final List<Surge> SURGES = List.of(
            Surge.parse("环境保护/环境污染/噪音污染@江滨区/解放街道:2026-02-16:6:0.08"),
            Surge.parse("城乡建设/城市建设和市政管理/冬季采暖@南浦区:2026-03-02:5:0.1"),
            Surge.parse("城乡建设/城市建设和市政管理/冬季采暖@云台区:2026-03-02:5:0.1"),
            Surge.parse("城乡建设/城市建设和市政管理/冬季采暖@东岭区:2026-03-02:5:0.1"),
            Surge.parse("商贸旅游/市场监管/其他:2026-03-16:5:0.15:" + NEW_PROBLEM));

    @Test
    void findsThePlantedNewProblemAndLittleElse() throws Exception {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Gazetteer city = Gazetteer.defaultCity();
        SyntheticDemands demands = new SyntheticDemands(taxonomy, city,
                SyntheticDemands.Settings.defaults().withSurges(SURGES), 20261127L);
        Set<String> words = new LinkedHashSet<>(EmergingPhraseDetector.knownTerms(taxonomy));
        words.addAll(city.placeNames());
        Segmenter segmenter = Segmenter.withWords(words);
        EmergingSettings emerging = EmergingSettings.from(HotlineConfig.defaults());

        List<Alert> alerts = new ArrayList<>();
        Map<String, String> textById = new HashMap<>();
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new EmergingPhraseFunction(AlertSettings.defaults().withEmerging(emerging))),
                (PhraseEvent event) -> EmergingPhraseFunction.CITY, Types.STRING);
        harness.open();
        try {
            LocalDate day = null;
            for (HotlineRecord record : demands.generate(2000)) {
                textById.put(record.id(), record.text());
                LocalDate recordDay = TestRecords.DAYS.dayOf(record.receivedAt().toInstant().toEpochMilli());
                if (day != null && !recordDay.equals(day)) {
                    harness.processWatermark(TestRecords.DAYS.endOfDay(day));
                }
                day = recordDay;
                TaggedRecord tagged = new TaggedRecord(record, String.join(" ", segmenter.tokens(record.text())),
                        List.of(), false, null, "test", Instant.EPOCH);
                harness.processElement(new StreamRecord<>(PhraseEvent.of(tagged),
                        record.receivedAt().toInstant().toEpochMilli()));
            }
            harness.processWatermark(TestRecords.DAYS.endOfDay(day));
            alerts.addAll(harness.extractOutputValues());
        } finally {
            harness.close();
        }
        // One alert, the planted problem: its example records are the ones that name it.
        assertThat(alerts).hasSize(1).allSatisfy(alert -> {
            assertThat(alert.pValue()).isLessThan(0.01);
            assertThat(alert.evidence().exampleRecordIds()).isNotEmpty()
                    .allMatch(id -> textById.get(id).contains(NEW_PROBLEM));
        });
        assertThat(alerts.get(0).nodePath()).startsWith(EmergingPhraseDetector.PHRASE_PREFIX + "以旧换");
        assertThat(alerts.get(0).windowEnd()).isBetween(LocalDate.parse("2026-03-16"), LocalDate.parse("2026-03-20"));
    }
}
