package org.hotline.models.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the nodes a file states into a {@link Taxonomy}: adds implied parents, inherits department and SLA. */
final class TaxonomyAssembler {
    static final int MAX_LEVELS = 4;

    private TaxonomyAssembler() {}

    static Taxonomy assemble(String version, List<NodeSpec> specs, String source) {
        if (specs.isEmpty()) {
            throw new TaxonomyException(source + ": no taxonomy nodes");
        }
        Map<List<String>, NodeSpec> byPath = indexWithImpliedParents(specs);
        List<TaxonomyNode> nodes = new ArrayList<>(byPath.size());
        Map<List<String>, TaxonomyNode> resolved = new LinkedHashMap<>();
        for (NodeSpec spec : byPath.values()) {
            TaxonomyNode parent = spec.path().size() == 1 ? null
                    : resolved.get(spec.path().subList(0, spec.path().size() - 1));
            TaxonomyNode node = resolve(spec, parent);
            resolved.put(node.path(), node);
            nodes.add(node);
        }
        return new Taxonomy(version, nodes);
    }

    /** Parents come before their children; a parent never stated gets an empty spec where its first child is. */
    private static Map<List<String>, NodeSpec> indexWithImpliedParents(List<NodeSpec> specs) {
        Map<List<String>, NodeSpec> stated = new LinkedHashMap<>();
        for (NodeSpec spec : specs) {
            NodeSpec earlier = stated.putIfAbsent(spec.path(), spec);
            if (earlier != null) {
                throw new TaxonomyException(spec.where() + ": duplicate path " + display(spec.path())
                        + " (first at line " + earlier.line() + ")");
            }
        }
        Map<List<String>, NodeSpec> ordered = new LinkedHashMap<>();
        for (NodeSpec spec : stated.values()) {
            for (int level = 1; level <= spec.path().size(); level++) {
                List<String> prefix = spec.path().subList(0, level);
                if (!ordered.containsKey(prefix)) {
                    NodeSpec own = stated.get(prefix);
                    ordered.put(List.copyOf(prefix), own != null ? own
                            : new NodeSpec(prefix, "", List.of(), "", null, spec.source(), spec.line()));
                }
            }
        }
        return ordered;
    }

    private static TaxonomyNode resolve(NodeSpec spec, TaxonomyNode parent) {
        String department = !spec.department().isBlank() ? spec.department()
                : parent == null ? "" : parent.department();
        int slaDays = spec.slaDays() != null ? spec.slaDays() : parent == null ? 0 : parent.slaDays();
        return new TaxonomyNode(spec.path(), department, spec.keywords(), spec.description(), slaDays);
    }

    static String display(List<String> path) {
        return String.join(" > ", path);
    }
}
