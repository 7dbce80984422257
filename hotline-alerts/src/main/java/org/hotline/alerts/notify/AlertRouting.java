package org.hotline.alerts.notify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.emerging.EmergingPhraseDetector;
import org.hotline.models.config.HotlineConfig;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;

/**
 * Who gets an alert by e-mail: the department responsible for the alert's taxonomy node (the nearest node on
 * its path that names one) and the office of each district involved. Whatever part of an alert has no mailbox
 * — a phrase alert without a node, a department or district missing from the directory — goes to the fallback
 * duty mailbox with the reason, so no alert is dropped without someone knowing.
 */
public final class AlertRouting {

    private final Taxonomy taxonomy;
    private final MailDirectory directory;

    public AlertRouting(Taxonomy taxonomy, MailDirectory directory) {
        this.taxonomy = taxonomy;
        this.directory = directory;
    }

    /** The taxonomy of {@code taxonomy.file} (blank: the shipped one) and the directory of {@code mail.directory}. */
    public static AlertRouting forConfig(HotlineConfig config) {
        String directoryFile = config.get("mail.directory");
        if (directoryFile.isBlank()) {
            throw new IllegalArgumentException("mail.directory is blank: set it to the mailbox CSV "
                    + "(kind,name,email; see docs/alerts.md)");
        }
        String taxonomyFile = config.get("taxonomy.file");
        Taxonomy taxonomy = taxonomyFile.isBlank() ? Taxonomy.loadDefault() : Taxonomy.load(Path.of(taxonomyFile));
        return new AlertRouting(taxonomy, MailDirectory.load(Path.of(directoryFile)));
    }

    public MailDirectory directory() {
        return directory;
    }

    /** Each address once, in the order department, districts, fallback. */
    public List<Recipient> recipients(Alert alert) {
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        List<String> unrouted = new ArrayList<>();

        if (alert.nodePath().startsWith(EmergingPhraseDetector.PHRASE_PREFIX)) {
            unrouted.add("新词预警没有对应的分类和责任部门");
        } else {
            Optional<TaxonomyNode> responsible = responsibleNode(alert.nodePath());
            if (responsible.isEmpty()) {
                unrouted.add(taxonomy.node(List.of(alert.nodePath().split("/", -1)[0])).isPresent()
                        ? "分类「" + alert.nodePath() + "」及其上级分类都没有责任部门"
                        : "分类「" + alert.nodePath() + "」不在分类体系 " + taxonomy.version() + " 中");
            } else {
                String department = responsible.get().department();
                List<String> mailboxes = directory.department(department);
                if (mailboxes.isEmpty()) {
                    unrouted.add("责任部门「" + department + "」未配置邮箱");
                }
                for (String address : mailboxes) {
                    add(reasons, spelling, address, "「" + alert.nodePath() + "」的责任部门：" + department);
                }
            }
        }
        for (String district : alert.districts()) {
            List<String> mailboxes = directory.district(district);
            if (mailboxes.isEmpty()) {
                unrouted.add("辖区「" + district + "」未配置邮箱");
            }
            for (String address : mailboxes) {
                add(reasons, spelling, address, "涉及辖区：" + district);
            }
        }
        if (!unrouted.isEmpty()) {
            for (String address : directory.fallback()) {
                add(reasons, spelling, address, "值班兜底（" + String.join("，", unrouted) + "）");
            }
        }
        List<Recipient> recipients = new ArrayList<>(reasons.size());
        reasons.forEach((key, why) -> recipients.add(new Recipient(spelling.get(key), String.join("；", why))));
        return recipients;
    }

    /** The nearest node on the path, the node itself first, that names a department. */
    private Optional<TaxonomyNode> responsibleNode(String nodePath) {
        List<String> path = Arrays.asList(nodePath.split("/", -1));
        for (int level = path.size(); level >= 1; level--) {
            Optional<TaxonomyNode> node = taxonomy.node(path.subList(0, level));
            if (node.isPresent() && !node.get().department().isBlank()) {
                return node;
            }
        }
        return Optional.empty();
    }

    // Domains are case-insensitive and local parts are in practice, so "Duty@X.cn" and "duty@x.cn" are one mailbox.
    private static void add(Map<String, List<String>> reasons, Map<String, String> spelling, String address,
                            String reason) {
        String key = address.toLowerCase(Locale.ROOT);
        spelling.putIfAbsent(key, address);
        List<String> why = reasons.computeIfAbsent(key, k -> new ArrayList<>());
        if (!why.contains(reason)) {
            why.add(reason);
        }
    }
}
