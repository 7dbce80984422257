package org.hotline.models.taxonomy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graded label tree: 3–4 levels, up to thousands of leaves. Immutable and safe to share between threads.
 * Paths are lists of names, level 1 first.
 */
public final class Taxonomy {
    private static final int MAX_NAMES_IN_MESSAGE = 12;

    private final String version;
    private final Map<List<String>, TaxonomyNode> nodes;
    private final Map<List<String>, List<TaxonomyNode>> children;
    private final List<TaxonomyNode> leaves;

    /** @param nodes every node, parents included, in a stable order */
    public Taxonomy(String version, List<TaxonomyNode> nodes) {
        this.version = version;
        Map<List<String>, TaxonomyNode> byPath = new LinkedHashMap<>();
        Map<List<String>, List<TaxonomyNode>> kids = new LinkedHashMap<>();
        for (TaxonomyNode node : nodes) {
            if (byPath.putIfAbsent(node.path(), node) != null) {
                throw new TaxonomyException("duplicate taxonomy path " + String.join(" > ", node.path()));
            }
        }
        for (TaxonomyNode node : byPath.values()) {
            List<String> parent = node.path().subList(0, node.level() - 1);
            if (!parent.isEmpty() && !byPath.containsKey(parent)) {
                throw new TaxonomyException("taxonomy node " + String.join(" > ", node.path())
                        + " has no parent node " + String.join(" > ", parent));
            }
            kids.computeIfAbsent(List.copyOf(parent), k -> new ArrayList<>()).add(node);
        }
        List<TaxonomyNode> leafList = new ArrayList<>();
        for (TaxonomyNode node : byPath.values()) {
            if (!kids.containsKey(node.path())) {
                leafList.add(node);
            }
        }
        this.nodes = Collections.unmodifiableMap(byPath);
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
        this.leaves = List.copyOf(leafList);
    }

    /** The taxonomy the product ships (classpath resource). */
    public static Taxonomy loadDefault() {
        return TaxonomyLoader.loadDefault();
    }

    /** Loads a CSV or JSON taxonomy file; see docs/taxonomy.md for the formats. */
    public static Taxonomy load(Path file) {
        return TaxonomyLoader.load(file);
    }

    public String version() {
        return version;
    }

    /** Number of levels of the deepest leaf. */
    public int depth() {
        return leaves.stream().mapToInt(TaxonomyNode::level).max().orElse(0);
    }

    public List<TaxonomyNode> roots() {
        return children.getOrDefault(List.of(), List.of());
    }

    public List<TaxonomyNode> children(List<String> path) {
        return children.getOrDefault(path, List.of());
    }

    public List<TaxonomyNode> leaves() {
        return leaves;
    }

    public Iterable<TaxonomyNode> nodes() {
        return nodes.values();
    }

    public int size() {
        return nodes.size();
    }

    public Optional<TaxonomyNode> node(List<String> path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /** @throws TaxonomyException naming the first unknown level when the path is not in this taxonomy */
    public TaxonomyNode require(List<String> path) {
        TaxonomyNode node = nodes.get(path);
        if (node != null) {
            return node;
        }
        if (path == null || path.isEmpty()) {
            throw new TaxonomyException("empty taxonomy path");
        }
        for (int i = 1; i <= path.size(); i++) {
            if (!nodes.containsKey(path.subList(0, i))) {
                List<String> parent = path.subList(0, i - 1);
                String under = i == 1 ? "" : " under " + String.join(" > ", parent);
                throw new TaxonomyException("unknown taxonomy path " + String.join(" > ", path) + ": level " + i
                        + " '" + path.get(i - 1) + "' is not a node" + under + " (taxonomy " + version + "; "
                        + childNames(parent) + ")");
            }
        }
        throw new TaxonomyException("unknown taxonomy path " + String.join(" > ", path));
    }

    /** "known: a, b, c" for the message of an unknown path; long lists are cut. */
    private String childNames(List<String> parent) {
        List<String> names = children(parent).stream().map(TaxonomyNode::name).toList();
        if (names.isEmpty()) {
            return "it has no children";
        }
        int shown = Math.min(names.size(), MAX_NAMES_IN_MESSAGE);
        return "known: " + String.join(", ", names.subList(0, shown))
                + (names.size() > shown ? ", … (" + names.size() + " in all)" : "");
    }
}
