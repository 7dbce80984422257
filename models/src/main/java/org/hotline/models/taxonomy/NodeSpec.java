package org.hotline.models.taxonomy;

import java.util.List;

/**
 * One node as a file states it, before parents are filled in and blank fields inherited.
 *
 * @param slaDays null when the file leaves it blank
 * @param source  the file, and {@code line} where the row or object starts, for error messages
 */
record NodeSpec(List<String> path, String department, List<String> keywords, String description, Integer slaDays,
                String source, long line) {
    NodeSpec {
        path = List.copyOf(path);
        keywords = List.copyOf(keywords);
    }

    String where() {
        return source + ":" + line;
    }
}
