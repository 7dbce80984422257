package org.hotline.alerts.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.alerts.alert.Alert;
import org.hotline.alerts.alert.AlertKind;
import org.hotline.alerts.alert.Evidence;
import org.hotline.alerts.cluster.MinHashDeduplicator;
import org.hotline.alerts.cluster.Report;

/**
 * 聚集性 demands for one taxonomy node: merges near-duplicate repeat reports into events first (so ten calls
 * about one burst pipe count once), then scans the events with the space-time permutation scan over places
 * × time buckets (hours to a day) and raises a CLUSTERED alert when the most likely cluster's p-value is
 * below alpha. Prospective: only clusters that reach the last bucket are reported.
 */
public final class ClusterAlerter {

    private final MinHashDeduplicator deduplicator;
    private final Duration bucket;
    private final int maxBuckets;
    private final int replications;
    private final double alpha;
    private final ZoneId zone;

    public ClusterAlerter(MinHashDeduplicator deduplicator, Duration bucket, int maxBuckets, int replications,
                          double alpha, ZoneId zone) {
        this.deduplicator = deduplicator;
        this.bucket = bucket;
        this.maxBuckets = maxBuckets;
        this.replications = replications;
        this.alpha = alpha;
        this.zone = zone;
    }

    /**
     * @param reports the node's reports of the scanned period (e.g. the last 30 days), each with a place
     * @param until   end of the scanned period (exclusive); the last bucket ends here
     */
    public List<Alert> detect(String nodePath, List<Report> reports, Instant until, int buckets, long seed) {
        Instant from = until.minus(bucket.multipliedBy(buckets));
        List<Report> inPeriod = reports.stream()
                .filter(r -> !r.receivedAt().isBefore(from) && r.receivedAt().isBefore(until)).toList();
        List<MinHashDeduplicator.Event> events = deduplicator.deduplicate(inPeriod);
        if (events.size() < 2) {
            return List.of();
        }
        Map<String, Report> byId = new HashMap<>();
        inPeriod.forEach(r -> byId.put(r.id(), r));
        Map<String, Integer> placeIndex = new TreeMap<>();
        events.forEach(e -> placeIndex.putIfAbsent(e.place(), 0));
        List<String> places = new ArrayList<>(placeIndex.keySet());
        for (int i = 0; i < places.size(); i++) {
            placeIndex.put(places.get(i), i);
        }
        int[] caseArea = new int[events.size()];
        int[] caseBucket = new int[events.size()];
        for (int i = 0; i < events.size(); i++) {
            MinHashDeduplicator.Event event = events.get(i);
            caseArea[i] = placeIndex.get(event.place());
            Instant at = byId.get(event.representativeId()).receivedAt();
            caseBucket[i] = (int) (Duration.between(from, at).toMillis() / bucket.toMillis());
        }
        SpaceTimePermutationScan scan = new SpaceTimePermutationScan(places.size(), buckets, null, 1, maxBuckets, true);
        SpaceTimePermutationScan.Cluster cluster = scan.scan(caseArea, caseBucket, replications, seed).mostLikely();
        if (cluster.areas().length == 0 || cluster.pValue() >= alpha) {
            return List.of();
        }
        return List.of(alert(nodePath, cluster, places, events, caseArea, caseBucket, from));
    }

    private Alert alert(String nodePath, SpaceTimePermutationScan.Cluster cluster, List<String> places,
                        List<MinHashDeduplicator.Event> events, int[] caseArea, int[] caseBucket, Instant from) {
        List<String> clusterPlaces = new ArrayList<>();
        for (int area : cluster.areas()) {
            clusterPlaces.add(places.get(area));
        }
        List<String> examples = new ArrayList<>();
        int reports = 0;
        for (int i = 0; i < events.size(); i++) {
            boolean inside = caseBucket[i] >= cluster.startDay() && caseBucket[i] <= cluster.endDay()
                    && contains(cluster.areas(), caseArea[i]);
            if (inside) {
                reports += events.get(i).size();
                if (examples.size() < 5) {
                    examples.add(events.get(i).representativeId());
                }
            }
        }
        LocalDate start = from.plus(bucket.multipliedBy(cluster.startDay())).atZone(zone).toLocalDate();
        LocalDate end = from.plus(bucket.multipliedBy(cluster.endDay() + 1L)).minusMillis(1).atZone(zone).toLocalDate();
        String note = String.format(Locale.ROOT, "%.0f events (%d reports after merging repeats) vs %.1f expected,"
                + " LLR %.2f", cluster.observed(), reports, cluster.expected(), cluster.llr());
        return Alert.of(AlertKind.CLUSTERED, nodePath, clusterPlaces, start, end, cluster.observed(),
                cluster.expected(), cluster.llr(), cluster.pValue(), new Evidence(List.of(), examples, note));
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
