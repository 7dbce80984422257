package org.hotline.alerts.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.hotline.alerts.job.AlertSettings;
import org.hotline.alerts.job.EmergingSettings;
import org.hotline.alerts.job.functions.CityDays;
import org.hotline.alerts.job.functions.EmergingPhraseFunction;
import org.hotline.alerts.job.functions.PhraseEvent;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.records.Channel;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;
import org.hotline.models.text.Segmenter;

/**
 * EMERGING over real timestamped messages (e.g. ../shared/data/teddy2020), day by day through the stream function
 * with the default settings: how many alerts, on which phrases, with two example texts each. Not a test (it needs
 * data the repository does not hold); run as docs/benchmarks/alerts.md shows. Arguments: FROM TO FILE.jsonl…;
 * {@code -Dset=key=value,…} overrides settings.
 */
public final class EmergingOnRealMessages {
    private EmergingOnRealMessages() {}

    public static void main(String[] args) throws Exception {
        LocalDate from = LocalDate.parse(args[0]), to = LocalDate.parse(args[1]);
        ObjectMapper json = new ObjectMapper();
        Map<String, HotlineRecord> byId = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            for (String line : Files.readAllLines(Path.of(args[i]))) {
                JsonNode n = json.readTree(line);
                if (!n.hasNonNull("receivedAt")) continue;
                OffsetDateTime at = OffsetDateTime.parse(n.get("receivedAt").asText());
                LocalDate d = at.toLocalDate();
                if (d.isBefore(from) || d.isAfter(to)) continue;
                byId.putIfAbsent(n.get("id").asText(), new HotlineRecord(n.get("id").asText(), at,
                        n.path("title").asText(null), n.path("content").asText(""), Channel.WEB,
                        n.path("district").asText(null), null, null, null, null, false, List.of()));
            }
        }
        List<HotlineRecord> records = new ArrayList<>(byId.values());
        records.sort(Comparator.comparing(HotlineRecord::receivedAt).thenComparing(HotlineRecord::id));
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Set<String> words = new LinkedHashSet<>();
        for (TaxonomyNode node : taxonomy.nodes()) { words.add(node.name()); words.addAll(node.keywords()); }
        Segmenter segmenter = Segmenter.withWords(words);
        HotlineConfig config = HotlineConfig.defaults();
        for (String kv : System.getProperty("set", "").split(",")) if (!kv.isBlank()) config = config.with(kv.split("=")[0], kv.split("=")[1]);
        EmergingSettings emerging = EmergingSettings.from(config);
        CityDays days = CityDays.of("Asia/Shanghai");
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new EmergingPhraseFunction(AlertSettings.defaults().withEmerging(emerging))),
                (PhraseEvent e) -> EmergingPhraseFunction.CITY, Types.STRING);
        harness.open();
        Map<String, String> text = new HashMap<>();
        LocalDate day = null;
        for (HotlineRecord r : records) {
            long ts = r.receivedAt().toInstant().toEpochMilli();
            LocalDate d = days.dayOf(ts);
            if (day != null && !d.equals(day)) harness.processWatermark(days.endOfDay(day));
            day = d;
            text.put(r.id(), r.text());
            TaggedRecord t = new TaggedRecord(r, String.join(" ", segmenter.tokens(r.text())), List.of(), false, null, "eval", Instant.EPOCH);
            harness.processElement(new StreamRecord<>(PhraseEvent.of(t), ts));
        }
        harness.processWatermark(days.endOfDay(day));
        List<Alert> alerts = new ArrayList<>(harness.extractOutputValues());
        harness.close();
        long decisionDays = Duration.between(records.get(0).receivedAt(), records.get(records.size()-1).receivedAt()).toDays() + 1 - emerging.windowDays();
        System.out.printf("%d records %s..%s, %d decision days, %d EMERGING alerts%n", records.size(), from, to, decisionDays, alerts.size());
        for (Alert a : alerts) {
            System.out.printf("%s %-14s %3.0f/%5.2f p=%.1e %s%n", a.windowEnd(), a.nodePath(), a.observed(), a.expected(), a.pValue(), a.evidence().topPhrases());
            for (String id : a.evidence().exampleRecordIds().stream().limit(2).toList()) {
                String t = text.get(id); System.out.println("      " + t.substring(0, Math.min(70, t.length())).replace('\n',' '));
            }
        }
    }
}
