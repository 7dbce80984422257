package org.hotline.classify.functions;

import java.io.Serializable;

/** Builds the {@link Tagger} on the task manager, so the job graph ships a model location, not a model. */
@FunctionalInterface
public interface TaggerFactory extends Serializable {
    Tagger create() throws Exception;
}
