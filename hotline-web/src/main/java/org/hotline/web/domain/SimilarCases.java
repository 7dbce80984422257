package org.hotline.web.domain;

import java.io.IOException;
import java.util.List;

/** Past demands like the one being taken, best first. */
@FunctionalInterface
public interface SimilarCases {

    /**
     * @param tokens the demand's words as the model's segmenter cuts them
     * @param size   at most this many cases
     */
    List<SimilarCase> find(List<String> tokens, int size) throws IOException;
}
