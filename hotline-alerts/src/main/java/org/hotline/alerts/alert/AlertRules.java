package org.hotline.alerts.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.hotline.alerts.detect.RegressionScanDetector;

/**
 * Analyst-set alert rules, loadable from JSON:
 * <pre>{@code
 * {"commonDistricts": 3, "seasonalThreshold": 3.0, "seasonalMinCount": 3, "seasonalMaxPValue": 0.001,
 *  "defaultNode": {"minDailyCount": 50, "maxDailyShare": 0.2},
 *  "nodes": {"城乡建设/供热": {"minDailyCount": 20, "maxDailyShare": 0.05, "shareMinCount": 8}}}
 * }</pre>
 * A node's rule applies to its whole subtree unless a deeper node has its own.
 *
 * @param commonDistricts   k: a node alarming in at least k districts in one window is a common demand (default 3)
 * @param seasonalThreshold z threshold of the seasonal (default) detector (default 3.3)
 * @param seasonalMinCount  a seasonal alert needs at least this many demands on the day (default 3)
 * @param seasonalMaxPValue and a Poisson tail probability of the count at most this (default 0.001); see
 *                          {@link SeriesAlerter}
 */
public record AlertRules(@JsonProperty("commonDistricts") Integer commonDistricts,
                         @JsonProperty("seasonalThreshold") Double seasonalThreshold,
                         @JsonProperty("defaultNode") NodeRule defaultNode,
                         @JsonProperty("nodes") Map<String, NodeRule> nodes,
                         @JsonProperty("seasonalMinCount") Double seasonalMinCount,
                         @JsonProperty("seasonalMaxPValue") Double seasonalMaxPValue) {

    /**
     * High-frequency thresholds for one node; a day alarms when either is reached. Use
     * {@code Double.POSITIVE_INFINITY} (JSON: omit the field) to switch one off.
     *
     * @param minDailyCount count per district and day at which the node is high-frequency
     * @param maxDailyShare share of all of the district's classified demands that day at which it is high-frequency
     * @param shareMinCount the share threshold also needs at least this many demands (default
     *                      {@value #DEFAULT_SHARE_MIN_COUNT}), so that 1 of a quiet day's 2 demands is not 50%
     */
    public record NodeRule(@JsonProperty("minDailyCount") Double minDailyCount,
                           @JsonProperty("maxDailyShare") Double maxDailyShare,
                           @JsonProperty("shareMinCount") Double shareMinCount) {
        public static final double DEFAULT_SHARE_MIN_COUNT = 5;

        public NodeRule {
            minDailyCount = Objects.requireNonNullElse(minDailyCount, Double.POSITIVE_INFINITY);
            maxDailyShare = Objects.requireNonNullElse(maxDailyShare, Double.POSITIVE_INFINITY);
            shareMinCount = Objects.requireNonNullElse(shareMinCount, DEFAULT_SHARE_MIN_COUNT);
            if (!(minDailyCount > 0) || !(maxDailyShare > 0) || !(shareMinCount >= 0)) {
                throw new IllegalArgumentException("a node rule needs minDailyCount > 0, maxDailyShare > 0 and"
                        + " shareMinCount >= 0, was " + minDailyCount + ", " + maxDailyShare + ", " + shareMinCount);
            }
        }

        /** Count and share thresholds, the share one at its default minimum count. */
        public NodeRule(Double minDailyCount, Double maxDailyShare) {
            this(minDailyCount, maxDailyShare, null);
        }

        public boolean isHighFrequency(double count, double districtTotal) {
            return count >= thresholdCount(districtTotal);
        }

        /** The fewest demands that are high-frequency on a day when the district has {@code districtTotal}. */
        public double thresholdCount(double districtTotal) {
            double byShare = Double.isFinite(maxDailyShare) && districtTotal > 0
                    ? Math.max(shareMinCount, Math.ceil(maxDailyShare * districtTotal - 1e-9))
                    : Double.POSITIVE_INFINITY;
            return Math.min(minDailyCount, byShare);
        }

        /** Whether the rule can fire at all (a rule with both thresholds off is the default: no watching). */
        public boolean isSet() {
            return Double.isFinite(minDailyCount) || Double.isFinite(maxDailyShare);
        }
    }

    public AlertRules {
        commonDistricts = Objects.requireNonNullElse(commonDistricts, 3);
        seasonalThreshold = Objects.requireNonNullElse(seasonalThreshold, RegressionScanDetector.DEFAULT_THRESHOLD);
        if (commonDistricts < 1) {
            throw new IllegalArgumentException("commonDistricts must be at least 1");
        }
        defaultNode = Objects.requireNonNullElse(defaultNode, new NodeRule(null, null));
        nodes = Map.copyOf(Objects.requireNonNullElse(nodes, Map.of()));
        seasonalMinCount = Objects.requireNonNullElse(seasonalMinCount, 3.0);
        seasonalMaxPValue = Objects.requireNonNullElse(seasonalMaxPValue, 0.001);
        if (!(seasonalMaxPValue > 0 && seasonalMaxPValue <= 1)) {
            throw new IllegalArgumentException("seasonalMaxPValue must be in (0, 1]");
        }
    }

    /** The seasonal gate at its defaults. */
    public AlertRules(Integer commonDistricts, Double seasonalThreshold, NodeRule defaultNode,
                      Map<String, NodeRule> nodes) {
        this(commonDistricts, seasonalThreshold, defaultNode, nodes, null, null);
    }

    public static AlertRules defaults() {
        return new AlertRules(3, RegressionScanDetector.DEFAULT_THRESHOLD, new NodeRule(null, null), Map.of());
    }

    public static AlertRules load(Path json) throws IOException {
        return mapper().readValue(json.toFile(), AlertRules.class);
    }

    /** Rules from their JSON text (blank: the defaults), e.g. read once and shipped to a stream job's workers. */
    public static AlertRules parse(String json) throws IOException {
        return json == null || json.isBlank() ? defaults() : mapper().readValue(json, AlertRules.class);
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /** The rule of the deepest configured ancestor-or-self of {@code nodePath} ("a/b/c" → a/b/c, a/b, a). */
    public NodeRule ruleFor(String nodePath) {
        String path = nodePath;
        while (true) {
            NodeRule rule = nodes.get(path);
            if (rule != null) {
                return rule;
            }
            int slash = path.lastIndexOf('/');
            if (slash < 0) {
                return defaultNode;
            }
            path = path.substring(0, slash);
        }
    }
}
