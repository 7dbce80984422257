package org.hotline.alerts.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Merges near-duplicate repeat reports (the same complaint phoned in again, or by the neighbours) into one
 * event. Texts are compared by the Jaccard similarity of their character n-gram sets, estimated with MinHash
 * signatures and found with locality-sensitive hashing (bands × rows), so the cost grows with the number of
 * reports, not its square. Only reports with the same place and at most {@code maxGap} apart can merge:
 * identical wording from two districts or two months is two events.
 */
public final class MinHashDeduplicator {

    /** Merged reports: the earliest is the representative; ids in time order. */
    public record Event(String representativeId, String place, List<String> reportIds) {
        public int size() {
            return reportIds.size();
        }
    }

    private static final long MERSENNE_61 = (1L << 61) - 1;

    private final int shingle;
    private final int bands;
    private final int rows;
    private final double minSimilarity;
    private final Duration maxGap;
    private final long[] hashA;
    private final long[] hashB;

    /**
     * @param shingle       character n-gram length (3 suits Chinese complaint texts)
     * @param bands         LSH bands; bands × rows hash functions in total
     * @param minSimilarity estimated Jaccard similarity at which two reports merge
     * @param maxGap        longest time between two merged reports
     */
    public MinHashDeduplicator(int shingle, int bands, int rows, double minSimilarity, Duration maxGap, long seed) {
        this.shingle = shingle;
        this.bands = bands;
        this.rows = rows;
        this.minSimilarity = minSimilarity;
        this.maxGap = maxGap;
        SplittableRandom random = new SplittableRandom(seed);
        int functions = bands * rows;
        hashA = new long[functions];
        hashB = new long[functions];
        for (int i = 0; i < functions; i++) {
            hashA[i] = 1 + random.nextLong(MERSENNE_61 - 1);
            hashB[i] = random.nextLong(MERSENNE_61);
        }
    }

    /** 3-character shingles, 20 bands × 5 rows, similarity ≥ 0.6, reports at most 72 hours apart. */
    public static MinHashDeduplicator standard() {
        return new MinHashDeduplicator(3, 20, 5, 0.6, Duration.ofHours(72), 12345);
    }

    public List<Event> deduplicate(List<Report> reports) {
        List<Report> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(Report::receivedAt).thenComparing(Report::id));
        long[][] signatures = new long[sorted.size()][];
        for (int i = 0; i < sorted.size(); i++) {
            signatures[i] = signature(shingles(sorted.get(i).text()));
        }
        UnionFind merged = new UnionFind(sorted.size());
        for (int[] pair : candidatePairs(sorted, signatures)) {
            Report a = sorted.get(pair[0]);
            Report b = sorted.get(pair[1]);
            boolean close = Duration.between(a.receivedAt(), b.receivedAt()).abs().compareTo(maxGap) <= 0;
            if (close && estimatedSimilarity(signatures[pair[0]], signatures[pair[1]]) >= minSimilarity) {
                merged.union(pair[0], pair[1]);
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            groups.computeIfAbsent(merged.find(i), k -> new ArrayList<>()).add(i);
        }
        List<Event> events = new ArrayList<>();
        for (List<Integer> members : groups.values()) {
            List<String> ids = members.stream().map(i -> sorted.get(i).id()).toList();
            Report first = sorted.get(members.get(0));
            events.add(new Event(first.id(), first.place(), ids));
        }
        return events;
    }

    /** Pairs sharing at least one LSH band, only within the same place. */
    private List<int[]> candidatePairs(List<Report> sorted, long[][] signatures) {
        Map<String, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int band = 0; band < bands; band++) {
                long h = band;
                for (int r = 0; r < rows; r++) {
                    h = h * 1_000_003L + signatures[i][band * rows + r];
                }
                buckets.computeIfAbsent(sorted.get(i).place() + '\u001f' + band + ':' + h, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> seen = new HashSet<>();
        List<int[]> pairs = new ArrayList<>();
        for (List<Integer> bucket : buckets.values()) {
            for (int x = 0; x < bucket.size(); x++) {
                for (int y = x + 1; y < bucket.size(); y++) {
                    int i = bucket.get(x);
                    int j = bucket.get(y);
                    if (seen.add((long) i * sorted.size() + j)) {
                        pairs.add(new int[] {i, j});
                    }
                }
            }
        }
        return pairs;
    }

    Set<String> shingles(String text) {
        String normalized = text.replaceAll("[\\s\\p{Punct}，。！？、；：“”‘’（）《》【】…—]+", "");
        Set<String> shingles = new HashSet<>();
        if (normalized.length() < shingle) {
            if (!normalized.isEmpty()) {
                shingles.add(normalized);
            }
            return shingles;
        }
        for (int i = 0; i + shingle <= normalized.length(); i++) {
            shingles.add(normalized.substring(i, i + shingle));
        }
        return shingles;
    }

    long[] signature(Set<String> shingles) {
        long[] signature = new long[hashA.length];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        for (String s : shingles) {
            long x = Math.floorMod(fnv64(s), MERSENNE_61);
            for (int i = 0; i < hashA.length; i++) {
                long h = Math.floorMod(modMersenne(hashA[i], x) + hashB[i], MERSENNE_61);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    static double estimatedSimilarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) a.length;
    }

    /** a·b mod 2^61−1 without overflow, via 128-bit product. */
    private static long modMersenne(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        long lo61 = low & MERSENNE_61;
        long rest = (low >>> 61) | (high << 3);
        long sum = lo61 + rest;
        sum = (sum & MERSENNE_61) + (sum >>> 61);
        return sum >= MERSENNE_61 ? sum - MERSENNE_61 : sum;
    }

    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        /** Keeps the smaller index (the earlier report) as root. */
        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
