package org.hotline.models.classifier;

import java.util.List;

/**
 * Ranked suggestions for one record, best first. The first suggestion's level 1 is the model's level-1 decision.
 *
 * @param needsReview true when the model is not confident enough for the operator to accept without reading
 */
public record Prediction(List<Suggestion> suggestions, boolean needsReview) {
    public Prediction {
        suggestions = List.copyOf(suggestions);
    }

    public Suggestion best() {
        return suggestions.get(0);
    }
}
