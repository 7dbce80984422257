package org.hotline.classify.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.classify.TestRecords;
import org.hotline.classify.records.TaggedRecord;
import org.junit.jupiter.api.Test;

class TaggerTest {
    private final Tagger tagger = TestRecords.tagger();

    @Test
    void leafInheritsTheNearestDepartmentAbove() {
        TaggedRecord tagged = tagger.tag(TestRecords.record("a", "工地拖欠工资三个月"));

        assertThat(tagged.path()).isEqualTo(TestRecords.SALARY);
        assertThat(tagged.department()).isEqualTo("市劳动保障监察支队");
        assertThat(tagged.needsReview()).isFalse();
    }

    @Test
    void departmentFallsBackToLevelOne() {
        TaggedRecord tagged = tagger.tag(TestRecords.record("b", "夜间施工很吵"));

        assertThat(tagged.department()).isEqualTo("市生态环境局");
        assertThat(tagged.needsReview()).isTrue();
    }

    @Test
    void keepsTheRecordAndSpaceJoinsTokensOfTitleAndContent() {
        TaggedRecord tagged = tagger.tag(TestRecords.record("c", "噪音"));

        assertThat(tagged.record().id()).isEqualTo("c");
        assertThat(tagged.tokens()).isEqualTo("反 映 问 题 \n 噪 音");
        assertThat(tagged.suggestions()).hasSize(2);
        assertThat(tagged.modelVersion()).isEqualTo("test-model");
    }
}
