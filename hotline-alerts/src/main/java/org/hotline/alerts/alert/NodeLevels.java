package org.hotline.alerts.alert;

import java.util.ArrayList;
import java.util.List;

/** A demand counts towards its node and every ancestor, so each taxonomy level gets its own series. */
public final class NodeLevels {

    private NodeLevels() {
    }

    /** ["城乡建设", "供热", "暖气不热"] → ["城乡建设", "城乡建设/供热", "城乡建设/供热/暖气不热"]. */
    public static List<String> pathsOf(List<String> path) {
        List<String> paths = new ArrayList<>(path.size());
        StringBuilder prefix = new StringBuilder();
        for (String name : path) {
            if (name.contains("/")) {
                throw new IllegalArgumentException("node name contains '/': " + name);
            }
            if (!prefix.isEmpty()) {
                prefix.append('/');
            }
            prefix.append(name);
            paths.add(prefix.toString());
        }
        return paths;
    }
}
