package org.hotline.models.text;

import java.util.Arrays;
import java.util.List;

/**
 * Turns a record's title and content into hashed feature ids: word unigrams, word bigrams, character n-grams and
 * title words, each in its own namespace so they never share a bucket by construction. The hash is fixed
 * (FNV-1a, 32 bit), so ids are the same in every JVM, which saved models depend on. Thread-safe.
 */
public final class FeatureExtractor {
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;
    private static final char WORD = 'w';
    private static final char BIGRAM = 'b';
    private static final char CHAR_NGRAM = 'c';
    private static final char TITLE = 't';

    private final Segmenter segmenter;
    private final FeatureConfig config;

    public FeatureExtractor(Segmenter segmenter, FeatureConfig config) {
        this.segmenter = segmenter;
        this.config = config;
    }

    public FeatureConfig config() {
        return config;
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** Feature ids in text order (title features first); at least one id, at most {@code maxFeatures}. */
    public int[] features(String title, String content) {
        Builder ids = new Builder(config.maxFeatures());
        String normalizedTitle = TextNormalizer.normalize(title);
        String normalizedContent = TextNormalizer.normalize(content);
        List<String> titleWords = segmenter.tokensOfNormalized(normalizedTitle);
        if (config.titleFeatures()) {
            for (String word : titleWords) {
                ids.add(hash(TITLE, word));
            }
        }
        addWords(titleWords, ids);
        addWords(segmenter.tokensOfNormalized(normalizedContent), ids);
        addCharNgrams(normalizedTitle, ids);
        addCharNgrams(normalizedContent, ids);
        if (ids.size == 0) {
            ids.add(hash(WORD, ""));
        }
        return ids.toArray();
    }

    /** Word unigrams, and bigrams of neighbours within one field. */
    private void addWords(List<String> words, Builder ids) {
        String previous = null;
        for (String word : words) {
            ids.add(hash(WORD, word));
            if (config.wordBigrams() && previous != null) {
                ids.add(hash(BIGRAM, previous, word));
            }
            previous = word;
        }
    }

    private void addCharNgrams(String text, Builder ids) {
        if (config.charNgramMin() == 0) {
            return;
        }
        for (int start = 0; start < text.length() && !ids.full(); start++) {
            if (!Character.isLetterOrDigit(text.charAt(start))) {
                continue;
            }
            // FNV is sequential, so each longer n-gram continues the shorter one's state.
            int state = mix(FNV_OFFSET, CHAR_NGRAM);
            for (int end = start; end < start + config.charNgramMax() && end < text.length(); end++) {
                if (!Character.isLetterOrDigit(text.charAt(end))) {
                    break;
                }
                state = mix(state, text.charAt(end));
                if (end - start + 1 >= config.charNgramMin()) {
                    ids.add(bucket(state));
                }
            }
        }
    }

    private int bucket(int hash) {
        return Math.floorMod(hash, config.buckets());
    }

    int hash(char namespace, String value) {
        return hash(namespace, value, 0, value.length());
    }

    int hash(char namespace, String value, int from, int to) {
        int h = mix(FNV_OFFSET, namespace);
        for (int i = from; i < to; i++) {
            h = mix(h, value.charAt(i));
        }
        return bucket(h);
    }

    int hash(char namespace, String first, String second) {
        int h = mix(FNV_OFFSET, namespace);
        for (int i = 0; i < first.length(); i++) {
            h = mix(h, first.charAt(i));
        }
        h = mix(h, ' ');
        for (int i = 0; i < second.length(); i++) {
            h = mix(h, second.charAt(i));
        }
        return bucket(h);
    }

    private static int mix(int h, char c) {
        h = (h ^ (c & 0xFF)) * FNV_PRIME;
        return (h ^ (c >>> 8)) * FNV_PRIME;
    }

    /** Growable int list that stops accepting ids at the cap. */
    private static final class Builder {
        private final int cap;
        private int[] ids = new int[64];
        private int size;

        Builder(int cap) {
            this.cap = cap;
        }

        void add(int id) {
            if (size == cap) {
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, Math.min(cap, ids.length * 2));
            }
            ids[size++] = id;
        }

        boolean full() {
            return size == cap;
        }

        int[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }
}
