package org.hotline.web.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A past demand as the operator sees it next to the one being taken: masked text (content cut to a snippet), where
 * and when, the path it was tagged with, and its official reply when it has one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimilarCase(String id, double score, String title, String snippet, List<String> path,
                          String district, String receivedAt, Reply reply) {

    /** The official reply; repliedAt and department are null when the source did not say. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reply(String text, String repliedAt, String department) {}
}
