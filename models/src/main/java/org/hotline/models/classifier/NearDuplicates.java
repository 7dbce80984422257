package org.hotline.models.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.models.text.TextNormalizer;

/**
 * Groups texts that are near-duplicates (Jaccard similarity of character 5-gram sets ≥ a threshold), so
 * cross-validation never puts one copy in training and another in the test fold. Candidates come from MinHash
 * with banded locality-sensitive hashing; every candidate pair is then checked exactly.
 */
public final class NearDuplicates {
    private static final int SHINGLE = 5;
    private static final int BANDS = 16;
    private static final int ROWS = 4;

    private NearDuplicates() {}

    /** @return a group id per text; equal ids = near-duplicates (transitively) */
    public static int[] groups(List<String> texts, double threshold) {
        List<Set<Integer>> shingles = new ArrayList<>(texts.size());
        for (String text : texts) {
            shingles.add(shingles(TextNormalizer.normalize(text)));
        }
        int[] parent = new int[texts.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int band = 0; band < BANDS; band++) {
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                buckets.computeIfAbsent(bandKey(shingles.get(i), band), k -> new ArrayList<>()).add(i);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int a = 0; a < bucket.size(); a++) {
                    for (int b = a + 1; b < bucket.size(); b++) {
                        int i = bucket.get(a);
                        int j = bucket.get(b);
                        if (find(parent, i) != find(parent, j)
                                && jaccard(shingles.get(i), shingles.get(j)) >= threshold) {
                            parent[find(parent, i)] = find(parent, j);
                        }
                    }
                }
            }
        }
        int[] group = new int[texts.size()];
        Map<Integer, Integer> ids = new HashMap<>();
        for (int i = 0; i < group.length; i++) {
            group[i] = ids.computeIfAbsent(find(parent, i), k -> ids.size());
        }
        return group;
    }

    static Set<Integer> shingles(String text) {
        Set<Integer> set = new HashSet<>();
        if (text.length() < SHINGLE) {
            set.add(text.hashCode());
            return set;
        }
        for (int i = 0; i + SHINGLE <= text.length(); i++) {
            set.add(text.substring(i, i + SHINGLE).hashCode());
        }
        return set;
    }

    static double jaccard(Set<Integer> a, Set<Integer> b) {
        Set<Integer> small = a.size() <= b.size() ? a : b;
        Set<Integer> large = small == a ? b : a;
        int common = 0;
        for (int x : small) {
            if (large.contains(x)) {
                common++;
            }
        }
        int union = a.size() + b.size() - common;
        return union == 0 ? 1 : (double) common / union;
    }

    /** ROWS min-hashes of one band folded into a key; seeds are fixed so groups are reproducible. */
    private static long bandKey(Set<Integer> shingles, int band) {
        long key = band;
        for (int row = 0; row < ROWS; row++) {
            int seed = 0x9E3779B9 * (band * ROWS + row + 1);
            int min = Integer.MAX_VALUE;
            for (int s : shingles) {
                min = Math.min(min, mix(s ^ seed));
            }
            key = key * 1_000_003L + min;
        }
        return key;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
