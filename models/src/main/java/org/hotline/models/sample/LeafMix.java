package org.hotline.models.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;

/**
 * How often each leaf is asked about: a Zipf law over the leaves (a few hot topics, a long tail). Leaves a city
 * hears about most (noise, unpaid wages, property management …) rank first when the taxonomy has them; the rest
 * are ranked by a shuffle fixed by the seed.
 */
final class LeafMix {
    static final double ZIPF_EXPONENT = 0.8;
    /** Typical hot topics of a 12345 hotline, as paths of the default taxonomy. */
    private static final List<List<String>> HOT_LEAVES = List.of(
            List.of("环境保护", "环境污染", "噪音污染"),
            List.of("劳动和社会保障", "工资福利", "工资发放"),
            List.of("城乡建设", "住房保障与房地产", "物业服务"),
            List.of("政法", "交通管理", "交通安全管理"),
            List.of("城乡建设", "住房保障与房地产", "房地产开发管理"),
            List.of("城乡建设", "城乡规划", "违章建筑"),
            List.of("城乡建设", "城市建设和市政管理", "自来水供应"),
            List.of("教育文体", "考试招生", "招生录取"),
            List.of("城乡建设", "城市建设和市政管理", "环境卫生"),
            List.of("劳动和社会保障", "城镇职工社会保险", "职工养老保险"),
            List.of("环境保护", "环境污染", "大气污染"),
            List.of("城乡建设", "城市建设和市政管理", "城管执法"),
            List.of("商贸旅游", "市场监管", "商品质量"),
            List.of("教育文体", "教育行政管理", "校外机构管理"),
            List.of("卫生计生", "食品药品监管", "食品安全"),
            List.of("城乡建设", "住房保障与房地产", "房产证登记、办理"),
            List.of("劳动和社会保障", "城镇居民社会保险", "城镇居民医疗保险"),
            List.of("城乡建设", "城市建设和市政管理", "冬季采暖"));

    private final List<TaxonomyNode> ranked;
    private final double[] cumulative;
    private final Map<List<String>, List<TaxonomyNode>> siblings = new LinkedHashMap<>();

    LeafMix(Taxonomy taxonomy, long seed) {
        List<TaxonomyNode> hot = new ArrayList<>();
        List<TaxonomyNode> rest = new ArrayList<>(taxonomy.leaves());
        for (List<String> path : HOT_LEAVES) {
            taxonomy.node(path).filter(rest::contains).ifPresent(node -> {
                hot.add(node);
                rest.remove(node);
            });
        }
        Collections.shuffle(rest, new Random(seed));
        ranked = new ArrayList<>(hot);
        ranked.addAll(rest);
        cumulative = new double[ranked.size()];
        double total = 0;
        for (int rank = 0; rank < ranked.size(); rank++) {
            total += Math.pow(rank + 1, -ZIPF_EXPONENT);
            cumulative[rank] = total;
        }
        for (TaxonomyNode leaf : taxonomy.leaves()) {
            List<String> parent = leaf.path().subList(0, leaf.level() - 1);
            siblings.computeIfAbsent(parent, p -> new ArrayList<>()).add(leaf);
        }
    }

    TaxonomyNode sample(RandomGenerator rng) {
        double target = rng.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return ranked.get(index >= 0 ? index : Math.min(-index - 1, ranked.size() - 1));
    }

    /** Another leaf under the same parent, or a random leaf when it has none: what a citizen might confuse. */
    TaxonomyNode neighbour(TaxonomyNode leaf, RandomGenerator rng) {
        List<TaxonomyNode> candidates = siblings.getOrDefault(leaf.path().subList(0, leaf.level() - 1), List.of());
        if (candidates.size() < 2) {
            return ranked.get(rng.nextInt(ranked.size()));
        }
        TaxonomyNode other;
        do {
            other = candidates.get(rng.nextInt(candidates.size()));
        } while (other.equals(leaf));
        return other;
    }

    TaxonomyNode any(RandomGenerator rng) {
        return ranked.get(rng.nextInt(ranked.size()));
    }
}
