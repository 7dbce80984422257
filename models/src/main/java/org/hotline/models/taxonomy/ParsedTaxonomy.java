package org.hotline.models.taxonomy;

import java.util.List;

/** What a taxonomy file states: its version (null when it names none) and its nodes in file order. */
record ParsedTaxonomy(String version, List<NodeSpec> nodes) {
    ParsedTaxonomy {
        nodes = List.copyOf(nodes);
    }
}
