package org.hotline.alerts.notify;

import java.time.LocalDate;
import java.util.List;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.models.taxonomy.Taxonomy;
import org.hotline.models.taxonomy.TaxonomyNode;

/** A small taxonomy in which departments are stated only on some nodes, and a directory for it. */
final class NotifyFixtures {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    static final List<String> DIRECTORY = List.of(
            "# mailboxes of the test city",
            "kind,name,email",
            "department,市住房和城乡建设局,zjj@example.gov.cn",
            "department,市供热办,heat@example.gov.cn",
            "department,市供热办,heat-night@example.gov.cn",
            "district,澜江区,lanjiang@example.gov.cn",
            "district,东岭区,dongling@example.gov.cn",
            "",
            "fallback,值班室,duty@example.gov.cn");

    private NotifyFixtures() {
    }

    /** Departments are not inherited here (a raw tree), so routing has to walk up itself. */
    static Taxonomy taxonomy() {
        return new Taxonomy("test-1", List.of(
                node("市住房和城乡建设局", "城乡建设"),
                node("", "城乡建设", "物业管理"),
                node("", "城乡建设", "物业管理", "物业服务"),
                node("市供热办", "城乡建设", "供热"),
                node("", "城乡建设", "供热", "暖气不热"),
                node("市教育局", "教育"),
                node("", "其他")));
    }

    static AlertRouting routing() {
        return new AlertRouting(taxonomy(), MailDirectory.parse(DIRECTORY, "test.csv"));
    }

    static Alert seasonal(String nodePath, String... districts) {
        return Alert.of(AlertKind.SEASONAL, nodePath, List.of(districts), DAY, DAY, 42, 18.3, 4.21, Double.NaN,
                new Evidence(List.of("物业费", "电梯停运"), List.of("R-1001", "R-1002"),
                        "42 demands, 18.3 expected from trend, weekday, season and holidays"));
    }

    private static TaxonomyNode node(String department, String... path) {
        return new TaxonomyNode(List.of(path), department, List.of(), "", 0);
    }
}
