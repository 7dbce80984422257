package org.hotline.alerts.emerging;

/**
 * Kleinberg's two-state burst automaton for batched document streams ("Bursty and hierarchical structure
 * in streams", KDD 2002, section 4). Day t has d[t] documents of which r[t] contain the term. The base state
 * emits the term at the overall rate p0 = Σr/Σd, the burst state at s·p0. Entering the burst state costs
 * γ·ln(n); leaving it is free. The Viterbi path gives the burst days; a burst's weight is how much cheaper
 * the burst state explains its days than the base state.
 */
public final class KleinbergBurst {

    private final double s;
    private final double gamma;

    public KleinbergBurst(double s, double gamma) {
        if (s <= 1 || gamma <= 0) {
            throw new IllegalArgumentException("need s > 1 and gamma > 0");
        }
        this.s = s;
        this.gamma = gamma;
    }

    public static KleinbergBurst standard() {
        return new KleinbergBurst(2.0, 1.0);
    }

    /** Burst state per day and the weight of the burst that covers each day (0 outside bursts). */
    public record Bursts(boolean[] inBurst, double[] weight) {
        /** First day of the burst covering the last day, or -1 when the last day is not in a burst. */
        public int currentBurstStart() {
            int t = inBurst.length - 1;
            if (t < 0 || !inBurst[t]) {
                return -1;
            }
            while (t > 0 && inBurst[t - 1]) {
                t--;
            }
            return t;
        }

        public double currentWeight() {
            return inBurst.length == 0 || !inBurst[inBurst.length - 1] ? 0 : weight[inBurst.length - 1];
        }
    }

    public Bursts detect(int[] r, int[] d) {
        int n = r.length;
        long totalR = 0;
        long totalD = 0;
        for (int t = 0; t < n; t++) {
            totalR += r[t];
            totalD += d[t];
        }
        boolean[] inBurst = new boolean[n];
        double[] weight = new double[n];
        if (n == 0 || totalR == 0 || totalD == 0) {
            return new Bursts(inBurst, weight);
        }
        double p0 = (double) totalR / totalD;
        double p1 = Math.min(0.9999, s * p0);
        if (p1 <= p0) {
            return new Bursts(inBurst, weight);
        }
        double up = gamma * Math.log(n);
        double[] cost0 = new double[n];
        double[] cost1 = new double[n];
        int[] from0 = new int[n];
        int[] from1 = new int[n];
        for (int t = 0; t < n; t++) {
            double c0 = emission(r[t], d[t], p0);
            double c1 = emission(r[t], d[t], p1);
            double prev0 = t == 0 ? 0 : cost0[t - 1];
            double prev1 = t == 0 ? Double.POSITIVE_INFINITY : cost1[t - 1];
            // into base: from base or (free) from burst
            if (prev0 <= prev1) {
                cost0[t] = prev0 + c0;
                from0[t] = 0;
            } else {
                cost0[t] = prev1 + c0;
                from0[t] = 1;
            }
            // into burst: stay, or pay to enter from base
            if (prev1 <= prev0 + up) {
                cost1[t] = prev1 + c1;
                from1[t] = 1;
            } else {
                cost1[t] = prev0 + up + c1;
                from1[t] = 0;
            }
        }
        int state = cost1[n - 1] < cost0[n - 1] ? 1 : 0;
        for (int t = n - 1; t >= 0; t--) {
            inBurst[t] = state == 1;
            state = state == 1 ? from1[t] : from0[t];
        }
        assignWeights(r, d, p0, p1, inBurst, weight);
        return new Bursts(inBurst, weight);
    }

    private static void assignWeights(int[] r, int[] d, double p0, double p1, boolean[] inBurst, double[] weight) {
        int t = 0;
        while (t < inBurst.length) {
            if (!inBurst[t]) {
                t++;
                continue;
            }
            int start = t;
            double w = 0;
            while (t < inBurst.length && inBurst[t]) {
                w += emission(r[t], d[t], p0) - emission(r[t], d[t], p1);
                t++;
            }
            for (int u = start; u < t; u++) {
                weight[u] = w;
            }
        }
    }

    /** −log likelihood of r of d documents at rate p, without the binomial coefficient (same in both states). */
    private static double emission(int r, int d, double p) {
        return -(r * Math.log(p) + (d - r) * Math.log(1 - p));
    }
}
