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
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.emerging.EmergingPhraseDetector;
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
        LocalDate from = LocalDate.parse(args[0]);
        LocalDate to = LocalDate.parse(args[1]);
        List<HotlineRecord> records = read(from, to, List.of(args).subList(2, args.length));
        HotlineConfig config = HotlineConfig.defaults();
        for (String pair : System.getProperty("set", "").split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=", 2);
                config = config.with(kv[0], kv[1]);
            }
        }
        EmergingSettings emerging = EmergingSettings.from(config);
        List<Alert> alerts = run(records, emerging, segmenter());

        long days = Duration.between(records.get(0).receivedAt(), records.get(records.size() - 1).receivedAt())
                .toDays() + 1 - emerging.windowDays();
        System.out.printf("%d records %s..%s, %d decision days, %d EMERGING alerts%n", records.size(), from, to, days,
                alerts.size());
        Map<String, String> textById = new HashMap<>();
        records.forEach(r -> textById.put(r.id(), r.text()));
        for (Alert a : alerts) {
            System.out.printf("%s %-14s %3.0f/%5.2f p=%.1e %s%n", a.windowEnd(), a.nodePath(), a.observed(),
                    a.expected(), a.pValue(), a.evidence().topPhrases());
            for (String id : a.evidence().exampleRecordIds().stream().limit(2).toList()) {
                String text = textById.get(id).replace('\n', ' ');
                System.out.println("      " + text.substring(0, Math.min(70, text.length())));
            }
        }
    }

    /** The timestamped messages of [from, to], once each, in time order. */
    private static List<HotlineRecord> read(LocalDate from, LocalDate to, List<String> files) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, HotlineRecord> byId = new HashMap<>();
        for (String file : files) {
            for (String line : Files.readAllLines(Path.of(file))) {
                JsonNode n = json.readTree(line);
                if (!n.hasNonNull("receivedAt")) {
                    continue;
                }
                OffsetDateTime at = OffsetDateTime.parse(n.get("receivedAt").asText());
                if (at.toLocalDate().isBefore(from) || at.toLocalDate().isAfter(to)) {
                    continue;
                }
                byId.putIfAbsent(n.get("id").asText(), new HotlineRecord(n.get("id").asText(), at,
                        n.path("title").asText(null), n.path("content").asText(""), Channel.WEB,
                        n.path("district").asText(null), null, null, null, null, false, List.of()));
            }
        }
        List<HotlineRecord> records = new ArrayList<>(byId.values());
        records.sort(Comparator.comparing(HotlineRecord::receivedAt).thenComparing(HotlineRecord::id));
        return records;
    }

    /** The product's segmenter with the default taxonomy's names and keywords. */
    private static Segmenter segmenter() {
        return Segmenter.withWords(EmergingPhraseDetector.knownTerms(Taxonomy.loadDefault()));
    }

    /** The records through the stream function, a watermark at the end of each day. */
    private static List<Alert> run(List<HotlineRecord> records, EmergingSettings emerging, Segmenter segmenter)
            throws Exception {
        CityDays days = CityDays.of("Asia/Shanghai");
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new EmergingPhraseFunction(AlertSettings.defaults().withEmerging(emerging))),
                (PhraseEvent e) -> EmergingPhraseFunction.CITY, Types.STRING);
        harness.open();
        try {
            LocalDate day = null;
            for (HotlineRecord r : records) {
                long at = r.receivedAt().toInstant().toEpochMilli();
                if (day != null && !days.dayOf(at).equals(day)) {
                    harness.processWatermark(days.endOfDay(day));
                }
                day = days.dayOf(at);
                TaggedRecord tagged = new TaggedRecord(r, String.join(" ", segmenter.tokens(r.text())), List.of(),
                        false, null, "eval", Instant.EPOCH);
                harness.processElement(new StreamRecord<>(PhraseEvent.of(tagged), at));
            }
            harness.processWatermark(days.endOfDay(day));
            return new ArrayList<>(harness.extractOutputValues());
        } finally {
            harness.close();
        }
    }
}
