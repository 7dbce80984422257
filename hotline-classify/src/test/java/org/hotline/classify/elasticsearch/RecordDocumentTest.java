package org.hotline.classify.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.classifier.Suggestion;
import org.junit.jupiter.api.Test;

class RecordDocumentTest {

    @Test
    void writesTheTaxonomyPathAsValuesOnePerLevel() {
        Map<String, Object> doc = RecordDocument.toDocument(TaggedRecords.full("r-1"));

        assertThat(doc.get("path")).isEqualTo(List.of("城乡建设", "建筑施工", "夜间施工"));
        assertThat(doc).containsEntry("level1", "城乡建设").containsEntry("level2", "建筑施工")
                .containsEntry("level3", "夜间施工").containsEntry("leaf", "夜间施工");
        assertThat(doc).containsEntry("score", 0.82);
        assertThat(doc.get("suggestions")).isEqualTo(List.of(
                Map.of("path", List.of("城乡建设", "建筑施工", "夜间施工"), "score", 0.82),
                Map.of("path", List.of("生态环境", "噪声污染"), "score", 0.11)));
    }

    @Test
    void copiesTheRecordFieldsAndTheTagging() {
        Map<String, Object> doc = RecordDocument.toDocument(TaggedRecords.full("r-1"));

        assertThat(doc).containsEntry("id", "r-1")
                .containsEntry("receivedAt", "2024-03-01T08:30:00+08:00")
                .containsEntry("title", "小区噪音扰民")
                .containsEntry("tokens", "小区 噪音 扰民 夜间 施工 噪音 很 大 影响 休息")
                .containsEntry("channel", "phone")
                .containsEntry("district", "东城区")
                .containsEntry("street", "和平里街道")
                .containsEntry("location", Map.of("lat", 39.95, "lon", 116.42))
                .containsEntry("caller", Map.of("phone", "138****5678", "name", "张*"))
                .containsEntry("enterprise", false)
                .containsEntry("labels", List.of("城乡建设", "建筑施工", "夜间施工"))
                .containsEntry("needsReview", false)
                .containsEntry("department", "区住建委")
                .containsEntry("modelVersion", "model-2024-03")
                .containsEntry("taggedAt", "2024-03-01T00:30:05Z");
    }

    @Test
    void leavesOutWhatTheRecordDoesNotHave() {
        Map<String, Object> doc = RecordDocument.toDocument(TaggedRecords.minimal("r-2"));

        assertThat(doc).doesNotContainKeys("receivedAt", "title", "channel", "location", "caller", "enterprise",
                "level1", "leaf", "score", "department");
        assertThat(doc).containsEntry("path", List.of()).containsEntry("labels", List.of())
                .containsEntry("needsReview", true).containsEntry("content", "路灯不亮");
        assertThat(doc.values()).doesNotContainNull();
    }

    @Test
    void writesTwoLevelPathsWithoutALevel3() {
        TaggedRecord twoLevels = new TaggedRecord(TaggedRecords.full("r-3").record(), "",
                List.of(new Suggestion(List.of("生态环境", "噪声污染"), 0.5)), true,
                null, "m", null);

        Map<String, Object> doc = RecordDocument.toDocument(twoLevels);

        assertThat(doc).containsEntry("level2", "噪声污染").containsEntry("leaf", "噪声污染")
                .doesNotContainKeys("level3", "taggedAt");
    }

    @Test
    void everyFieldItWritesIsInTheStrictMapping() {
        JsonNode properties = RecordIndex.mappings().get("properties");
        Map<String, Object> doc = RecordDocument.toDocument(TaggedRecords.full("r-1"));

        assertThat(properties.fieldNames()).toIterable().containsAll(doc.keySet());
        @SuppressWarnings("unchecked")
        Map<String, Object> caller = (Map<String, Object>) doc.get("caller");
        assertThat(properties.get("caller").get("properties").fieldNames()).toIterable()
                .containsAll(caller.keySet());
        assertThat(properties.get("suggestions").get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("path", "score");
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = (Map<String, Object>) doc.get("reply");
        assertThat(properties.get("reply").get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(reply.keySet());
    }

    @Test
    void writesTheReplyWhenThereIsOne() {
        assertThat(RecordDocument.toDocument(TaggedRecords.full("r-1"))).containsEntry("reply", Map.of(
                "text", "经核实已责令施工方停止夜间施工。", "repliedAt", "2024-03-04T10:00:00+08:00", "department", "区住建委"));
        assertThat(RecordDocument.toDocument(TaggedRecords.minimal("r-2"))).doesNotContainKey("reply");
    }
}
