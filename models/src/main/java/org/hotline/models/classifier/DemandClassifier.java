package org.hotline.models.classifier;

/**
 * Suggests taxonomy paths for a citizen demand. Implementations are thread-safe and use no nd4j on this path,
 * so a Flink job can load one per task in open() without native libraries.
 */
public interface DemandClassifier {
    /** @param topK at least this many suggestions are returned (fewer only if the taxonomy has fewer leaves) */
    Prediction predict(String title, String content, int topK);
}
