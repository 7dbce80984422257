package org.hotline.models.taxonomy;

import java.util.List;

/**
 * One node of the graded label tree (千条分级标签).
 *
 * @param path        names from level 1 down to this node
 * @param department  the department responsible for demands under this node (inherited downwards when blank)
 * @param keywords    words that signal this node in a citizen's text
 * @param description a one-line description
 * @param slaDays     days allowed to answer a demand under this node
 */
public record TaxonomyNode(List<String> path, String department, List<String> keywords, String description,
                           int slaDays) {
    public TaxonomyNode {
        path = List.copyOf(path);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a taxonomy node needs a non-empty path");
        }
    }

    public String name() {
        return path.get(path.size() - 1);
    }

    /** 1 for a level-1 node. */
    public int level() {
        return path.size();
    }
}
