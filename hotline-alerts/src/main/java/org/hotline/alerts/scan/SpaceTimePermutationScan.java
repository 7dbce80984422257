package org.hotline.alerts.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Kulldorff's space-time permutation scan statistic (Kulldorff et al. 2005, PLoS Medicine 2:e59).
 *
 * <p>Cases are (area, day) pairs; nothing else is needed — no population at risk. The expected count of a
 * cylinder (a zone of areas × a run of days) is N_zone · N_days / N, i.e. what it would hold if where and
 * when were independent. Every cylinder with more cases than expected is scored by the Poisson generalised
 * likelihood ratio; the most likely cluster is the highest scoring. Its p-value comes from Monte Carlo
 * replicates that shuffle the days among the cases (keeping both margins), so a cluster is significant only
 * when space and time interact more than chance does.
 *
 * <p>Zones are each area alone or, when neighbours are given, each area with its 2..maxZoneAreas nearest
 * neighbours (circles). With {@code prospective}, only windows ending on the last day are scanned — the
 * setting for live alerting, where only clusters still going on matter.
 */
public final class SpaceTimePermutationScan {

    /** A scanned cylinder: areas, days [startDay, endDay], observed vs expected, LLR and p-value. */
    public record Cluster(int[] areas, int startDay, int endDay, double observed, double expected, double llr,
                          double pValue) {
    }

    /** The most likely cluster and the null distribution of the maximum LLR behind its p-value. */
    public record Result(Cluster mostLikely, double[] replicateMaxima) {
    }

    private final int areas;
    private final int days;
    private final int[][] zones;
    private final int maxDays;
    private final boolean prospective;

    /**
     * @param neighbours for each area, other areas ordered by distance (or null: single-area zones only)
     */
    public SpaceTimePermutationScan(int areas, int days, int[][] neighbours, int maxZoneAreas, int maxDays,
                                    boolean prospective) {
        this.areas = areas;
        this.days = days;
        this.zones = zones(areas, neighbours, maxZoneAreas);
        this.maxDays = maxDays;
        this.prospective = prospective;
    }

    /** Single areas only (no geometry), retrospective, clusters of up to {@code maxDays} days. */
    public static SpaceTimePermutationScan singleAreas(int areas, int days, int maxDays) {
        return new SpaceTimePermutationScan(areas, days, null, 1, maxDays, false);
    }

    /** Zone z = first zones[z].length areas of that circle; stored as explicit lists. */
    private static int[][] zones(int areas, int[][] neighbours, int maxZoneAreas) {
        List<int[]> zones = new ArrayList<>();
        for (int a = 0; a < areas; a++) {
            zones.add(new int[] {a});
            if (neighbours != null) {
                int size = Math.min(maxZoneAreas, neighbours[a].length + 1);
                for (int k = 2; k <= size; k++) {
                    int[] zone = new int[k];
                    zone[0] = a;
                    System.arraycopy(neighbours[a], 0, zone, 1, k - 1);
                    zones.add(zone);
                }
            }
        }
        return zones.toArray(int[][]::new);
    }

    /**
     * @param caseArea     area index of each case
     * @param caseDay      day index of each case
     * @param replications Monte Carlo replicates (999 gives p-values in steps of 0.001)
     */
    public Result scan(int[] caseArea, int[] caseDay, int replications, long seed) {
        if (caseArea.length != caseDay.length) {
            throw new IllegalArgumentException("caseArea and caseDay differ in length");
        }
        Cluster observed = mostLikely(caseArea, caseDay);
        SplittableRandom random = new SplittableRandom(seed);
        int[] shuffled = caseDay.clone();
        double[] maxima = new double[replications];
        int atLeast = 0;
        for (int r = 0; r < replications; r++) {
            shuffle(shuffled, random);
            maxima[r] = mostLikely(caseArea, shuffled).llr();
            if (maxima[r] >= observed.llr()) {
                atLeast++;
            }
        }
        double p = (1.0 + atLeast) / (replications + 1.0);
        Cluster withP = new Cluster(observed.areas(), observed.startDay(), observed.endDay(), observed.observed(),
                observed.expected(), observed.llr(), p);
        return new Result(withP, maxima);
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /** The highest-LLR cylinder (p-value NaN); LLR 0 and an empty zone when no cylinder exceeds expectation. */
    Cluster mostLikely(int[] caseArea, int[] caseDay) {
        int total = caseArea.length;
        int[][] counts = new int[areas][days];
        int[] areaTotals = new int[areas];
        int[] dayTotals = new int[days];
        for (int i = 0; i < total; i++) {
            counts[caseArea[i]][caseDay[i]]++;
            areaTotals[caseArea[i]]++;
            dayTotals[caseDay[i]]++;
        }
        long[] dayPrefix = new long[days + 1];
        for (int t = 0; t < days; t++) {
            dayPrefix[t + 1] = dayPrefix[t] + dayTotals[t];
        }
        double bestLlr = 0;
        int[] bestZone = new int[0];
        int bestStart = 0;
        int bestEnd = 0;
        double bestObserved = 0;
        double bestExpected = 0;
        long[] zonePrefix = new long[days + 1];
        for (int[] zone : zones) {
            long zoneTotal = 0;
            java.util.Arrays.fill(zonePrefix, 0);
            for (int area : zone) {
                zoneTotal += areaTotals[area];
            }
            if (zoneTotal == 0) {
                continue;
            }
            for (int t = 0; t < days; t++) {
                long dayCount = 0;
                for (int area : zone) {
                    dayCount += counts[area][t];
                }
                zonePrefix[t + 1] = zonePrefix[t] + dayCount;
            }
            int firstEnd = prospective ? days - 1 : 0;
            for (int end = firstEnd; end < days; end++) {
                for (int start = end; start >= Math.max(0, end - maxDays + 1); start--) {
                    double c = zonePrefix[end + 1] - zonePrefix[start];
                    double mu = zoneTotal * (double) (dayPrefix[end + 1] - dayPrefix[start]) / total;
                    double llr = logLikelihoodRatio(c, mu, total);
                    if (llr > bestLlr) {
                        bestLlr = llr;
                        bestZone = zone;
                        bestStart = start;
                        bestEnd = end;
                        bestObserved = c;
                        bestExpected = mu;
                    }
                }
            }
        }
        return new Cluster(bestZone.clone(), bestStart, bestEnd, bestObserved, bestExpected, bestLlr, Double.NaN);
    }

    /** Poisson generalised likelihood ratio (log) of c observed vs mu expected out of n, for c > mu. */
    static double logLikelihoodRatio(double c, double mu, double n) {
        if (c <= mu || mu <= 0) {
            return 0;
        }
        double inside = c * Math.log(c / mu);
        double outside = n - c > 0 ? (n - c) * Math.log((n - c) / (n - mu)) : 0;
        return inside + outside;
    }
}
