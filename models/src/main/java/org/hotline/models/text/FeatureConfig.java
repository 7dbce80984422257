package org.hotline.models.text;

/**
 * How a text becomes hashed feature ids for the embedding bag (fastText style).
 *
 * @param buckets        number of hash buckets (rows of the embedding table)
 * @param wordBigrams    add adjacent word pairs
 * @param charNgramMin   shortest character n-gram taken from the text (0 = none)
 * @param charNgramMax   longest character n-gram
 * @param titleFeatures  hash title words a second time in their own namespace (titles name the demand)
 * @param maxFeatures    cap per record so cost and padding stay bounded on very long messages
 */
public record FeatureConfig(int buckets, boolean wordBigrams, int charNgramMin, int charNgramMax,
                            boolean titleFeatures, int maxFeatures) {
    public FeatureConfig {
        if (buckets < 2) {
            throw new IllegalArgumentException("buckets must be at least 2, got " + buckets);
        }
        if (charNgramMin < 0 || charNgramMax < charNgramMin) {
            throw new IllegalArgumentException("bad char n-gram range " + charNgramMin + ".." + charNgramMax);
        }
        if (maxFeatures < 1) {
            throw new IllegalArgumentException("maxFeatures must be positive, got " + maxFeatures);
        }
    }

    public static FeatureConfig defaults() {
        return new FeatureConfig(1 << 16, true, 2, 3, true, 1024);
    }

    public FeatureConfig withBuckets(int newBuckets) {
        return new FeatureConfig(newBuckets, wordBigrams, charNgramMin, charNgramMax, titleFeatures, maxFeatures);
    }
}
