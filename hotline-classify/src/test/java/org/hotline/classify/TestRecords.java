package org.hotline.classify;

import java.time.OffsetDateTime;
import java.util.List;
import org.hotline.classify.functions.Tagger;
import org.hotline.models.classifier.DemandClassifier;
import org.hotline.models.classifier.Prediction;
import org.hotline.models.classifier.Suggestion;
import org.hotline.models.records.Channel;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;

/** Small fixtures shared by the classify tests. */
public final class TestRecords {
    private TestRecords() {}

    public static final List<String> NOISE = List.of("环境保护", "噪音污染", "施工噪音");
    public static final List<String> SALARY = List.of("劳动和社会保障", "劳动关系", "拖欠工资");

    /** A two-leaf taxonomy; departments set at level 1 and 2 only, so leaves inherit them. */
    public static Taxonomy taxonomy() {
        return new Taxonomy("test-1", List.of(
                new TaxonomyNode(List.of("环境保护"), "市生态环境局", List.of(), "", 5),
                new TaxonomyNode(NOISE.subList(0, 2), "", List.of("噪音"), "", 5),
                new TaxonomyNode(NOISE, "", List.of("施工", "噪音"), "", 3),
                new TaxonomyNode(List.of("劳动和社会保障"), "市人力资源和社会保障局", List.of(), "", 10),
                new TaxonomyNode(SALARY.subList(0, 2), "市劳动保障监察支队", List.of(), "", 10),
                new TaxonomyNode(SALARY, "", List.of("工资"), "", 7)));
    }

    /** A rule classifier for pipeline tests: which leaf is chosen is not what these tests are about. */
    public static final class KeywordClassifier implements DemandClassifier {
        @Override
        public Prediction predict(String title, String content, int topK) {
            boolean salary = (title + content).contains("工资");
            List<Suggestion> ranked = salary
                    ? List.of(new Suggestion(SALARY, 0.9), new Suggestion(NOISE, 0.1))
                    : List.of(new Suggestion(NOISE, 0.4), new Suggestion(SALARY, 0.35));
            return new Prediction(ranked.subList(0, Math.min(topK, ranked.size())), ranked.get(0).score() < 0.5);
        }
    }

    public static Tagger tagger() {
        return new Tagger(new KeywordClassifier(), text -> List.of(text.split("")), taxonomy(), "test-model", 2,
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T00:00:00Z"), java.time.ZoneOffset.UTC));
    }

    public static HotlineRecord record(String id, String content) {
        return new HotlineRecord(id, OffsetDateTime.parse("2026-11-27T09:30:00+08:00"), "反映问题", content,
                Channel.PHONE, "示例区", "示例街道", null, null, null, null, List.of());
    }
}
