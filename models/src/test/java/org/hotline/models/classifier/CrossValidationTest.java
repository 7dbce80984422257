package org.hotline.models.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.models.records.HotlineRecord;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    @Test
    void nearDuplicatesShareAGroupAndDistinctTextsDoNot() {
        String base = "小区门口的路灯已经坏了三个月，晚上出行非常不方便，希望有关部门尽快修复，谢谢。";
        List<String> texts = List.of(base, base + "急！", "学校违规收取补课费，每个学生每学期八百元，家长意见很大。", base);
        int[] groups = NearDuplicates.groups(texts, 0.8);
        assertThat(groups[0]).isEqualTo(groups[1]).isEqualTo(groups[3]);
        assertThat(groups[2]).isNotEqualTo(groups[0]);
    }

    @Test
    void foldsKeepGroupsTogetherAndStratifyLabels() {
        List<HotlineRecord> records = TinyCorpus.records(120, 1, false);
        int[] groups = new int[records.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = i / 2; // pairs of records form a group
        }
        int[] fold = CrossValidation.assignFolds(records, groups, 5, 42);

        for (int i = 0; i < groups.length; i += 2) {
            assertThat(fold[i]).isEqualTo(fold[i + 1]);
        }
        Map<String, int[]> perLabel = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            perLabel.computeIfAbsent(records.get(i).labels().get(0), k -> new int[5])[fold[i]]++;
        }
        for (int[] counts : perLabel.values()) {
            int min = Arrays.stream(counts).min().orElseThrow();
            int max = Arrays.stream(counts).max().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void holdoutKeepsGroupsTogetherTakesTheShareOfEachLabelAndDependsOnlyOnItsSeed() {
        List<HotlineRecord> records = TinyCorpus.records(200, 1, false);
        int leaves = TinyCorpus.LEAVES.size(); // record i has leaf i % leaves
        int[] groups = new int[records.size()];
        for (int i = 0; i < groups.length; i++) {
            // the first 80 records in same-label groups of (up to) four, then singletons
            groups[i] = i < 80 ? i % leaves + leaves * (i / leaves / 4) : 1000 + i;
        }
        boolean[] heldOut = CrossValidation.holdoutSplit(records, groups, 0.2, 2026);

        for (int i = 0; i < groups.length; i++) {
            for (int j = 0; j < groups.length; j++) {
                if (groups[i] == groups[j]) {
                    assertThat(heldOut[j]).isEqualTo(heldOut[i]);
                }
            }
        }
        Map<String, int[]> perLabel = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int[] counts = perLabel.computeIfAbsent(records.get(i).labels().get(0), k -> new int[2]);
            counts[0]++;
            counts[1] += heldOut[i] ? 1 : 0;
        }
        for (int[] counts : perLabel.values()) {
            assertThat(counts[1]).isBetween((int) Math.round(counts[0] * 0.2) - 1, (int) Math.round(counts[0] * 0.2));
        }
        assertThat(CrossValidation.holdoutSplit(records, groups, 0.2, 2026)).isEqualTo(heldOut);
        assertThat(CrossValidation.holdoutSplit(records, groups, 0.2, 7)).isNotEqualTo(heldOut);
    }

    @Test
    void holdoutScoresOnlyTheHeldOutRecords() {
        List<HotlineRecord> records = new ArrayList<>(TinyCorpus.records(100, 12, false));
        CrossValidation.Result result = CrossValidation.holdout(records, List.of(), TinyCorpus.taxonomy(),
                TinyCorpus.options(), 0.3, 2026, 3, TrainingProgress.SILENT);
        assertThat(result.model().size()).isBetween(27, 33);
        assertThat(result.baseline().size()).isEqualTo(result.model().size());
        assertThat(result.model().confusion(1).accuracy()).isGreaterThan(0.8);
    }

    @Test
    void crossValidationScoresEveryLabelledRecordOnceWithModelAndBaseline() {
        List<HotlineRecord> records = new ArrayList<>(TinyCorpus.records(90, 12, false));
        CrossValidation.Result result = CrossValidation.run(records, List.of(), TinyCorpus.taxonomy(),
                TinyCorpus.options(), 3, 3, TrainingProgress.SILENT);
        assertThat(result.model().size()).isEqualTo(90);
        assertThat(result.baseline().size()).isEqualTo(90);
        assertThat(result.model().confusion(1).accuracy()).isGreaterThan(0.8);
        assertThat(result.baseline().confusion(1).accuracy()).isGreaterThan(0.8);
    }
}
