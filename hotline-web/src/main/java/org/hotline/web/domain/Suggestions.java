package org.hotline.web.domain;

import java.util.List;

/**
 * Ranked taxonomy suggestions for a demand being taken.
 *
 * @param needsReview true when the model is not confident enough for the operator to accept without reading
 * @param tookMicros  time the classifier took, for the operator page's latency readout
 */
public record Suggestions(List<Node> suggestions, boolean needsReview, String modelVersion, long tookMicros) {

    /** One suggested node; department and slaDays are null when the taxonomy names none. */
    public record Node(List<String> path, double score, String department, Integer slaDays) {}
}
