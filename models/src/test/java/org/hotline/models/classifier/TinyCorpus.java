package org.hotline.models.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotline.models.records.HotlineRecord;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;
import org.hotline.models.text.FeatureConfig;

/** A three-class, six-leaf taxonomy and seeded records whose words give their leaf away, for fast unit tests. */
public final class TinyCorpus {
    public static final List<List<String>> LEAVES = List.of(
            List.of("环境保护", "环境污染", "噪声污染"),
            List.of("环境保护", "环境污染", "水污染"),
            List.of("交通运输", "道路管理", "道路维修"),
            List.of("交通运输", "道路管理", "公交线路"),
            List.of("教育文体", "学校管理", "乱收费"),
            List.of("教育文体", "学校管理", "招生录取"));
    private static final List<List<String>> LEAF_WORDS = List.of(
            List.of("噪音", "扰民", "施工噪声", "深夜", "轰鸣"),
            List.of("污水", "排放", "河道", "发臭", "偷排"),
            List.of("路面", "坑洼", "破损", "修补", "塌陷"),
            List.of("公交", "站点", "班次", "线路", "司机"),
            List.of("收费", "补课费", "资料费", "退费", "乱收"),
            List.of("招生", "入学", "学位", "报名", "录取"));
    private static final List<String> FILLER = List.of("我们", "小区", "附近", "希望", "有关部门", "尽快", "处理",
            "反映", "情况", "问题", "已经", "多次", "市民", "谢谢");

    private TinyCorpus() {}

    public static Taxonomy taxonomy() {
        List<TaxonomyNode> nodes = new ArrayList<>();
        for (List<String> leaf : LEAVES) {
            for (int depth = 1; depth <= leaf.size(); depth++) {
                List<String> path = leaf.subList(0, depth);
                if (nodes.stream().noneMatch(n -> n.path().equals(path))) {
                    List<String> keywords = depth == 3 ? LEAF_WORDS.get(LEAVES.indexOf(leaf)).subList(0, 2) : List.of();
                    nodes.add(new TaxonomyNode(path, "", keywords, "", 15));
                }
            }
        }
        return new Taxonomy("tiny-1", nodes);
    }

    /** {@code count} records, leaves in turn; labelled down to the leaf when {@code leafLabels}, else level 1. */
    public static List<HotlineRecord> records(int count, long seed, boolean leafLabels) {
        Random random = new Random(seed);
        List<HotlineRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int leaf = i % LEAVES.size();
            String title = word(LEAF_WORDS.get(leaf), random) + word(FILLER, random) + "问题";
            StringBuilder content = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                content.append(random.nextInt(3) == 0 ? word(LEAF_WORDS.get(leaf), random) : word(FILLER, random));
                content.append(w % 4 == 3 ? "，" : "");
            }
            List<String> labels = leafLabels ? LEAVES.get(leaf) : LEAVES.get(leaf).subList(0, 1);
            records.add(new HotlineRecord("r" + seed + "-" + i, null, title, content.toString(), null, null, null,
                    null, null, null, null, labels));
        }
        return records;
    }

    /** Small and quick: few buckets, no calibration hold-out unless asked. */
    public static TrainOptions options() {
        return TrainOptions.defaults()
                .withFeatures(FeatureConfig.defaults().withBuckets(4096))
                .withDimension(16)
                .withEpochs(8)
                .withLearningRate(0.02)
                .withBatchSize(32)
                .withCalibrationFraction(0.0);
    }

    private static String word(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }
}
