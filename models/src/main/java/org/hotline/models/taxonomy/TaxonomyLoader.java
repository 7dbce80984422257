package org.hotline.models.taxonomy;

import java.nio.file.Path;

/** Reads taxonomy files (CSV or JSON) and the shipped default. */
final class TaxonomyLoader {
    private TaxonomyLoader() {}

    static Taxonomy loadDefault() {
        throw new UnsupportedOperationException("default taxonomy: being written (taxonomy helper)");
    }

    static Taxonomy load(Path file) {
        throw new UnsupportedOperationException("taxonomy loading: being written (taxonomy helper)");
    }
}
