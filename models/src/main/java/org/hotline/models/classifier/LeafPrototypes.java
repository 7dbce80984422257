package org.hotline.models.classifier;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hotline.models.taxonomy.TaxonomyNode;
import org.hotline.models.text.FeatureExtractor;
import org.hotline.models.text.TextNormalizer;

/**
 * Builds one sparse TF-IDF prototype per taxonomy leaf from three sources, strongest last:
 * <ol>
 *   <li>the leaf's own words: its name (as a title), its parent's name, keywords and description;</li>
 *   <li>distant supervision: messages (labelled or not) that literally mention the leaf's name, restricted to the
 *       leaf's level-1 class when the message has one — this is how unlabelled messages teach leaf vocabulary;</li>
 *   <li>records labelled with the leaf itself (operator confirmations, leaf dev sets).</li>
 * </ol>
 */
final class LeafPrototypes {
    /** Names too generic to find their messages by (every level 2 has an "other" leaf). */
    private static final List<String> GENERIC_NAMES = List.of("其他", "其它", "综合");
    private static final int MIN_NAME_LENGTH = 2;
    private static final int MAX_TERMS = 400;
    private static final int MAX_PSEUDO_DOCUMENTS = 200;

    private final FeatureExtractor extractor;
    private final TfIdf tfIdf;
    private final Weights weights;

    /** How much each source counts once normalized; the gold centroid gains weight with its size. */
    record Weights(double description, double pseudo, double gold) {
        static Weights defaults() {
            return new Weights(1.0, 0.7, 1.5);
        }
    }

    /** A message for distant supervision: its normalized text, features and level-1 index (-1 when unknown). */
    record CorpusDocument(String normalizedText, int[] features, int root) {}

    /** A record labelled down to a leaf. */
    record LeafExample(int leaf, int[] features) {}

    LeafPrototypes(FeatureExtractor extractor, TfIdf tfIdf, Weights weights) {
        this.extractor = extractor;
        this.tfIdf = tfIdf;
        this.weights = weights;
    }

    List<SparseVector> build(List<TaxonomyNode> leaves, int[] leafRoot, List<CorpusDocument> corpus,
                             List<LeafExample> examples) {
        Map<Integer, List<int[]>> goldFeatures = new HashMap<>();
        for (LeafExample example : examples) {
            goldFeatures.computeIfAbsent(example.leaf(), k -> new ArrayList<>()).add(example.features());
        }
        List<List<int[]>> mentions = mentioning(leaves, leafRoot, corpus);
        List<SparseVector> prototypes = new ArrayList<>(leaves.size());
        for (int leaf = 0; leaf < leaves.size(); leaf++) {
            Map<Integer, Double> sum = new HashMap<>();
            addScaled(sum, tfIdf.vector(descriptionFeatures(leaves.get(leaf))), weights.description());
            List<int[]> pseudo = mentions.get(leaf);
            if (!pseudo.isEmpty()) {
                addScaled(sum, centroid(pseudo), weights.pseudo());
            }
            List<int[]> gold = goldFeatures.getOrDefault(leaf, List.of());
            if (!gold.isEmpty()) {
                double confidence = gold.size() / (gold.size() + 1.0);
                addScaled(sum, centroid(gold), weights.gold() * confidence);
            }
            prototypes.add(topTerms(sum));
        }
        return prototypes;
    }

    int[] descriptionFeatures(TaxonomyNode leaf) {
        List<String> path = leaf.path();
        StringBuilder content = new StringBuilder();
        if (path.size() > 1) {
            content.append(path.get(path.size() - 2));
        }
        for (String keyword : leaf.keywords()) {
            content.append(' ').append(keyword);
        }
        if (leaf.description() != null) {
            content.append(' ').append(leaf.description());
        }
        return extractor.features(leaf.name(), content.toString());
    }

    /**
     * For every leaf, the first messages (in corpus order) that mention its name or a keyword and do not belong to
     * another level-1 class. One Aho-Corasick pass per message finds every cue of every leaf at once.
     */
    private static List<List<int[]>> mentioning(List<TaxonomyNode> leaves, int[] leafRoot,
                                                List<CorpusDocument> corpus) {
        TreeMap<String, int[]> cueLeaves = new TreeMap<>();
        for (int leaf = 0; leaf < leaves.size(); leaf++) {
            for (String cue : cues(leaves.get(leaf))) {
                int[] known = cueLeaves.getOrDefault(cue, new int[0]);
                int[] more = Arrays.copyOf(known, known.length + 1);
                more[known.length] = leaf;
                cueLeaves.put(cue, more);
            }
        }
        List<List<int[]>> found = new ArrayList<>(leaves.size());
        for (int leaf = 0; leaf < leaves.size(); leaf++) {
            found.add(new ArrayList<>());
        }
        if (cueLeaves.isEmpty()) {
            return found;
        }
        AhoCorasickDoubleArrayTrie<int[]> automaton = new AhoCorasickDoubleArrayTrie<>();
        automaton.build(cueLeaves);
        for (CorpusDocument document : corpus) {
            TreeSet<Integer> hit = new TreeSet<>();
            automaton.parseText(document.normalizedText(), (begin, end, mentioned) -> {
                for (int leaf : mentioned) {
                    if (document.root() < 0 || document.root() == leafRoot[leaf]) {
                        hit.add(leaf);
                    }
                }
            });
            for (int leaf : hit) {
                if (found.get(leaf).size() < MAX_PSEUDO_DOCUMENTS) {
                    found.get(leaf).add(document.features());
                }
            }
        }
        return found;
    }

    private static List<String> cues(TaxonomyNode leaf) {
        List<String> cues = new ArrayList<>();
        String name = TextNormalizer.normalize(leaf.name());
        if (name.length() >= MIN_NAME_LENGTH && !GENERIC_NAMES.contains(name)) {
            cues.add(name);
        }
        for (String keyword : leaf.keywords()) {
            String k = TextNormalizer.normalize(keyword);
            if (k.length() >= MIN_NAME_LENGTH && !cues.contains(k)) {
                cues.add(k);
            }
        }
        return cues;
    }

    private SparseVector centroid(List<int[]> documents) {
        Map<Integer, Double> sum = new HashMap<>();
        for (int[] features : documents) {
            addScaled(sum, tfIdf.vector(features), 1.0 / documents.size());
        }
        return normalized(sum);
    }

    private static void addScaled(Map<Integer, Double> sum, SparseVector vector, double scale) {
        SparseVector unit = normalized(vector);
        for (int k = 0; k < unit.ids().length; k++) {
            sum.merge(unit.ids()[k], scale * unit.values()[k], Double::sum);
        }
    }

    private static SparseVector normalized(SparseVector vector) {
        Map<Integer, Double> map = new HashMap<>();
        for (int k = 0; k < vector.ids().length; k++) {
            map.put(vector.ids()[k], (double) vector.values()[k]);
        }
        return normalized(map);
    }

    private static SparseVector normalized(Map<Integer, Double> weights) {
        double norm = 0;
        for (double w : weights.values()) {
            norm += w * w;
        }
        double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        int[] ids = weights.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] values = new float[ids.length];
        for (int k = 0; k < ids.length; k++) {
            values[k] = (float) (weights.get(ids[k]) * scale);
        }
        return new SparseVector(ids, values);
    }

    /** The strongest terms, renormalized, in ascending id order (ties broken by id for determinism). */
    private static SparseVector topTerms(Map<Integer, Double> weights) {
        List<Map.Entry<Integer, Double>> entries = new ArrayList<>(weights.entrySet());
        entries.sort((a, b) -> {
            int byWeight = Double.compare(b.getValue(), a.getValue());
            return byWeight != 0 ? byWeight : Integer.compare(a.getKey(), b.getKey());
        });
        Map<Integer, Double> kept = new HashMap<>();
        for (Map.Entry<Integer, Double> entry : entries.subList(0, Math.min(MAX_TERMS, entries.size()))) {
            kept.put(entry.getKey(), entry.getValue());
        }
        return normalized(kept);
    }
}
