package org.hotline.classify.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordSearchTest {

    @Test
    void collectsEveryNestedStringValueOfADocument() {
        List<String> out = new ArrayList<>();

        RecordSearch.collectStrings(RecordDocument.toDocument(TaggedRecords.full("r-1")), out);

        assertThat(out).contains("r-1", "夜间施工噪音很大，影响休息", "138****5678", "张*", "和平里小区3号楼", "噪声污染");
        assertThat(out).doesNotContain("0.82", "39.95");
    }

    @Test
    void ignoresNumbersAndBooleans() {
        List<String> out = new ArrayList<>();

        RecordSearch.collectStrings(Map.of("score", 0.5, "flag", true, "list", List.of(1, "x")), out);

        assertThat(out).containsExactly("x");
    }
}
