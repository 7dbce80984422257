package org.hotline.alerts.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinHashDeduplicatorTest {

    private static final Instant T = Instant.parse("2024-01-10T08:00:00Z");
    private final MinHashDeduplicator dedup = MinHashDeduplicator.standard();

    @Test
    void mergesRepeatsOfOneComplaintAtOnePlace() {
        List<Report> reports = List.of(
                new Report("1", T, "幸福小区", "幸福小区3栋楼道水管爆裂，水流到楼下，请尽快派人维修"),
                new Report("2", T.plusSeconds(3600), "幸福小区", "幸福小区3栋楼道水管爆裂了，水流到楼下，请尽快派人来维修！"),
                new Report("3", T.plusSeconds(7200), "幸福小区", "小区门口的路灯坏了好几天，晚上很黑"),
                new Report("4", T.plusSeconds(7200), "阳光花园", "幸福小区3栋楼道水管爆裂，水流到楼下，请尽快派人维修"));
        List<MinHashDeduplicator.Event> events = dedup.deduplicate(reports);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).reportIds()).containsExactly("1", "2");
        assertThat(events.get(0).representativeId()).isEqualTo("1");
    }

    @Test
    void doesNotMergeReportsFarApartInTime() {
        List<Report> reports = List.of(new Report("1", T, "幸福小区", "幸福小区3栋楼道水管爆裂，请尽快派人维修"),
                new Report("2", T.plusSeconds(5 * 24 * 3600), "幸福小区", "幸福小区3栋楼道水管爆裂，请尽快派人维修"));
        assertThat(dedup.deduplicate(reports)).hasSize(2);
    }

    @Test
    void estimatedSimilarityTracksJaccard() {
        var a = dedup.shingles("abcdefghijklmnopqrst");
        var b = dedup.shingles("abcdefghijklmnopqrxy");
        double estimate = MinHashDeduplicator.estimatedSimilarity(dedup.signature(a), dedup.signature(b));
        var union = new java.util.HashSet<>(a);
        union.addAll(b);
        var intersection = new java.util.HashSet<>(a);
        intersection.retainAll(b);
        double jaccard = intersection.size() / (double) union.size();
        assertThat(estimate).isBetween(jaccard - 0.15, jaccard + 0.15);
    }
}
