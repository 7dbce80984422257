package org.hotline.alerts.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.cluster.MinHashDeduplicator;
import org.hotline.alerts.cluster.Report;
import org.junit.jupiter.api.Test;

class ClusterAlerterTest {

    private static final Instant UNTIL = Instant.parse("2024-07-31T16:00:00Z"); // midnight UTC+8
    private final ClusterAlerter alerter = new ClusterAlerter(MinHashDeduplicator.standard(), Duration.ofDays(1), 3,
            199, 0.05, ZoneOffset.ofHours(8));

    /** 20 days of scattered reports over 12 communities, each with its own wording. */
    private static List<Report> background(Random random) {
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            Instant at = UNTIL.minus(Duration.ofHours(1 + random.nextInt(20 * 24)));
            reports.add(new Report("b" + i, at, "社区" + random.nextInt(12), "第" + i + "号报告，内容各不相同" + random.nextLong()));
        }
        return reports;
    }

    @Test
    void findsAnOngoingClusterAndMergesItsRepeats() {
        Random random = new Random(4);
        List<Report> reports = background(random);
        for (int i = 0; i < 14; i++) {
            Instant at = UNTIL.minus(Duration.ofHours(2 + random.nextInt(40)));
            reports.add(new Report("c" + i, at, "社区3", "社区3第" + i + "栋停水了，已经" + (i + 1) + "个小时没有水" + random.nextLong()));
        }
        List<Report> oneCall = new ArrayList<>(reports);
        oneCall.add(new Report("r4", UNTIL.minus(Duration.ofHours(7)), "社区3", "社区3第9栋停水了请尽快处理谢谢"));
        for (int i = 0; i < 5; i++) { // the same call repeated: one event
            reports.add(new Report("r" + i, UNTIL.minus(Duration.ofHours(3 + i)), "社区3", "社区3第9栋停水了请尽快处理谢谢"));
        }
        List<Alert> alerts = alerter.detect("城乡建设/供水", reports, UNTIL, 20, 11);
        assertThat(alerts).hasSize(1);
        Alert alert = alerts.get(0);
        assertThat(alert.kind()).isEqualTo(AlertKind.CLUSTERED);
        assertThat(alert.districts()).containsExactly("社区3");
        assertThat(alert.pValue()).isLessThan(0.05);
        assertThat(alert.windowEnd()).isEqualTo(UNTIL.atZone(ZoneOffset.ofHours(8)).toLocalDate().minusDays(1));
        assertThat(alert.evidence().note()).contains("reports after merging repeats");
        Alert single = alerter.detect("城乡建设/供水", oneCall, UNTIL, 20, 11).get(0);
        assertThat(alert.observed()).as("5 repeats count as one event").isEqualTo(single.observed());
        assertThat(alert.pValue()).isEqualTo(single.pValue());
    }

    @Test
    void scatteredReportsRaiseNoCluster() {
        assertThat(alerter.detect("城乡建设/供水", background(new Random(5)), UNTIL, 20, 11)).isEmpty();
    }
}
