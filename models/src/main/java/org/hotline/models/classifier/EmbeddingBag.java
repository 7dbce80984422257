package org.hotline.models.classifier;

/**
 * Plain-Java forward pass of the fastText-style network DL4J trains ({@link EmbeddingBagNetwork}): average the
 * embedding rows of a record's feature ids, then a softmax layer. No nd4j here, so the Flink job and the suggest
 * API run it without native libraries; it gives DL4J's scores to 1e-5 (see the test). Immutable, thread-safe.
 */
public final class EmbeddingBag {
    private final int buckets;
    private final int dimension;
    private final int classes;
    /** row-major [buckets][dimension] */
    private final float[] embeddings;
    /** row-major [dimension][classes], as DL4J stores a dense layer's W */
    private final float[] outputWeights;
    private final float[] outputBias;

    public EmbeddingBag(int buckets, int dimension, int classes, float[] embeddings, float[] outputWeights,
                        float[] outputBias) {
        if (embeddings.length != buckets * dimension || outputWeights.length != dimension * classes
                || outputBias.length != classes) {
            throw new IllegalArgumentException("weight arrays do not match " + buckets + " buckets × "
                    + dimension + " dimensions × " + classes + " classes");
        }
        this.buckets = buckets;
        this.dimension = dimension;
        this.classes = classes;
        this.embeddings = embeddings;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
    }

    public int buckets() {
        return buckets;
    }

    public int dimension() {
        return dimension;
    }

    public int classes() {
        return classes;
    }

    float[] embeddings() {
        return embeddings;
    }

    float[] outputWeights() {
        return outputWeights;
    }

    float[] outputBias() {
        return outputBias;
    }

    /** The averaged embedding of the features (the network's hidden representation). */
    public double[] hidden(FeatureCounts bag) {
        double[] hidden = new double[dimension];
        int[] ids = bag.ids();
        int[] counts = bag.counts();
        for (int k = 0; k < ids.length; k++) {
            int row = ids[k] * dimension;
            double count = counts[k];
            for (int d = 0; d < dimension; d++) {
                hidden[d] += count * embeddings[row + d];
            }
        }
        double scale = 1.0 / Math.max(1, bag.total());
        for (int d = 0; d < dimension; d++) {
            hidden[d] *= scale;
        }
        return hidden;
    }

    public double[] logits(FeatureCounts bag) {
        double[] hidden = hidden(bag);
        double[] logits = new double[classes];
        for (int c = 0; c < classes; c++) {
            logits[c] = outputBias[c];
        }
        for (int d = 0; d < dimension; d++) {
            double h = hidden[d];
            int row = d * classes;
            for (int c = 0; c < classes; c++) {
                logits[c] += h * outputWeights[row + c];
            }
        }
        return logits;
    }

    /** Class probabilities; {@code temperature} 1 gives exactly the trained network's softmax. */
    public double[] probabilities(int[] features, double temperature) {
        return probabilities(FeatureCounts.of(features), temperature);
    }

    public double[] probabilities(FeatureCounts bag, double temperature) {
        return softmax(logits(bag), temperature);
    }

    static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp((logits[i] - max) / temperature);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
