package org.hotline.models.text;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * HanLP 1.8.6's {@code DoubleArrayTrieSegment.segSentence} (no part-of-speech tagging) redone on plain arrays: the
 * word lengths come out identical, without a Term, String or searcher object per word, and the words inserted into
 * the custom dictionary are searched in a double-array trie instead of HanLP's BinTrie with its binary search per
 * character. The segmenter test compares it with HanLP on varied text; saved models depend on identical words.
 * Immutable, thread-safe.
 */
final class LongestMatch {
    private final Trie core;
    /** the custom dictionary's shipped words, in HanLP a double-array trie */
    private final Trie customDat;
    /** words inserted at runtime, in HanLP a BinTrie; null when there are none (or all were in the shipped ones) */
    private final Trie inserted;

    LongestMatch(DynamicCustomDictionary dictionary) {
        this.core = new Trie(CoreDictionary.trie);
        this.customDat = new Trie(dictionary.dat);
        this.inserted = dictionary.trie == null || dictionary.trie.size() == 0
                ? null : new Trie(doubleArray(dictionary.trie));
    }

    private static DoubleArrayTrie<Boolean> doubleArray(BinTrie<CoreDictionary.Attribute> words) {
        TreeMap<String, Boolean> sorted = new TreeMap<>();
        for (String word : words.keySet()) {
            sorted.put(word, Boolean.TRUE);
        }
        DoubleArrayTrie<Boolean> trie = new DoubleArrayTrie<>();
        trie.build(sorted);
        return trie;
    }

    /**
     * For each position where a word starts, its length, and 1 elsewhere: the text's words are read by starting at
     * 0 and stepping by the length, exactly as HanLP walks its word net.
     */
    int[] wordLengths(char[] text) {
        int[] lengths = new int[text.length];
        Arrays.fill(lengths, 1);
        core.searchLongest(text, lengths);
        customDat.searchLongest(text, lengths);
        if (inserted != null) {
            inserted.parseLongest(text, lengths);
        }
        return lengths;
    }

    /**
     * A HanLP double-array trie's base and check arrays, interleaved: a transition reads both, and side by side they
     * share a cache line (the tries are megabytes, larger than L2).
     */
    private static final class Trie {
        /** base[p] at 2p, check[p] at 2p + 1 */
        private final int[] units;
        private final int root;

        Trie(DoubleArrayTrie<?> trie) {
            int[] base = trie.getBase();
            int[] check = trie.getCheck();
            int size = Math.min(base.length, check.length);
            this.units = new int[2 * size];
            for (int p = 0; p < size; p++) {
                units[2 * p] = base[p];
                units[2 * p + 1] = check[p];
            }
            this.root = base[0];
        }

        /** State after reading {@code c} in state {@code state}, or -1. */
        private int next(int state, char c) {
            int p = 2 * (state + c + 1);
            return p < units.length && units[p + 1] == state ? units[p] : -1;
        }

        private boolean isWordEnd(int state) {
            int p = 2 * state;
            return p < units.length && units[p + 1] == state && units[p] < 0;
        }

        /**
         * HanLP's {@code DoubleArrayTrie.LongestSearcher} as {@code matchLongest} uses it: every match overwrites
         * the length at its start. Quirk kept on purpose: when a match is followed by a walk that reaches the end
         * of the text, the search stops there instead of resuming after the match.
         */
        void searchLongest(char[] text, int[] lengths) {
            int n = text.length;
            int i = 0;
            while (true) {
                int begin = i;
                int length = 0;
                int state = root;
                while (true) {
                    if (i >= n) {
                        if (length > 0) {
                            lengths[begin] = length;
                        }
                        return;
                    }
                    int next = next(state, text[i]);
                    if (next >= 0) {
                        state = next;
                    } else if (begin == n) {
                        return;
                    } else if (length > 0) {
                        i = begin + length;
                        break;
                    } else {
                        i = begin;
                        begin++;
                        state = root;
                    }
                    if (isWordEnd(state)) {
                        length = i - begin + 1;
                    }
                    i++;
                }
                lengths[begin] = length;
            }
        }

        /**
         * HanLP's {@code BinTrie.parseLongestText} with the hit {@code segSentence} gives it: the longest word at
         * each position lengthens the word there, and the scan resumes after it.
         */
        void parseLongest(char[] text, int[] lengths) {
            int n = text.length;
            for (int i = 0; i < n; i++) {
                int state = next(root, text[i]);
                if (state < 0) {
                    continue;
                }
                int end = isWordEnd(state) ? i + 1 : -1;
                for (int to = i + 1; to < n; to++) {
                    state = next(state, text[to]);
                    if (state < 0) {
                        break;
                    }
                    if (isWordEnd(state)) {
                        end = to + 1;
                    }
                }
                if (end > 0) {
                    lengths[i] = Math.max(lengths[i], end - i);
                    i = end - 1;
                }
            }
        }
    }
}
