package org.hotline.models.classifier;

import java.util.List;

/** One suggested taxonomy path with its calibrated score in [0, 1]. */
public record Suggestion(List<String> path, double score) {
    public Suggestion {
        path = List.copyOf(path);
    }
}
