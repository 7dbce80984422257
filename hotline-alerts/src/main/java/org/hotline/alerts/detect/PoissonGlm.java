package org.hotline.alerts.detect;

/**
 * Weighted Poisson regression with log link fitted by iteratively reweighted least squares, with a
 * quasi-Poisson dispersion estimate. Small and dependency-free so that it can be refitted per series
 * inside a stream operator.
 */
public final class PoissonGlm {

    private static final int MAX_ITERATIONS = 30;
    private static final double TOLERANCE = 1e-7;
    /** Tiny ridge so that a covariate absent from the window (e.g. no holiday in it) does not break Cholesky. */
    private static final double RIDGE = 1e-9;

    private PoissonGlm() {
    }

    /**
     * A fitted model.
     *
     * @param beta       coefficients
     * @param xtwxInverse inverse of X'WX at convergence (the unscaled covariance of beta)
     * @param mu         fitted means for the rows
     * @param dispersion quasi-Poisson dispersion, at least 1
     */
    public record Fit(double[] beta, double[][] xtwxInverse, double[] mu, double dispersion) {

        public double predict(double[] x) {
            return Math.exp(linear(beta, x));
        }

        /** Standard error of beta[j], scaled by the dispersion. */
        public double standardError(int j) {
            return Math.sqrt(dispersion * xtwxInverse[j][j]);
        }

        /** Leverage of row x: w·mu·x'(X'WX)^-1 x with prior weight w. */
        public double leverage(double[] x, double mu, double weight) {
            int p = x.length;
            double q = 0;
            for (int a = 0; a < p; a++) {
                double row = 0;
                for (int b = 0; b < p; b++) {
                    row += xtwxInverse[a][b] * x[b];
                }
                q += x[a] * row;
            }
            return weight * mu * q;
        }
    }

    /**
     * Fits log E[y] = X·beta.
     *
     * @param x       n rows of p covariates
     * @param y       n counts
     * @param weights n prior weights (1 = normal, smaller = down-weighted), or null for all 1
     */
    public static Fit fit(double[][] x, double[] y, double[] weights) {
        return fit(x, y, weights, null);
    }

    /** As {@link #fit(double[][], double[], double[])}, starting IRLS from {@code start} (e.g. a previous fit). */
    public static Fit fit(double[][] x, double[] y, double[] weights, double[] start) {
        int n = y.length;
        int p = x[0].length;
        double[] w = weights == null ? filled(n, 1.0) : weights;
        double[] beta = start == null ? startingValues(x, y, w) : start.clone();
        int[][] nonZero = nonZeroColumns(x);
        double[] mu = new double[n];
        double[][] xtwx = new double[p][p];
        double previousDeviance = Double.MAX_VALUE;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] xtwz = new double[p];
            for (double[] row : xtwx) {
                java.util.Arrays.fill(row, 0);
            }
            double deviance = 0;
            for (int i = 0; i < n; i++) {
                double eta = linear(beta, x[i], nonZero[i]);
                double m = Math.exp(Math.min(eta, 700));
                mu[i] = m;
                double working = w[i] * m;
                double z = eta + (y[i] - m) / m;
                accumulate(xtwx, xtwz, x[i], nonZero[i], working, z);
                deviance += w[i] * unitDeviance(y[i], m);
            }
            beta = solveSymmetric(xtwx, xtwz);
            if (Math.abs(previousDeviance - deviance) <= TOLERANCE * (Math.abs(deviance) + 0.1)) {
                break;
            }
            previousDeviance = deviance;
        }
        double pearson = 0;
        double weightSum = 0;
        for (int i = 0; i < n; i++) {
            mu[i] = Math.exp(Math.min(linear(beta, x[i], nonZero[i]), 700));
            pearson += w[i] * (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
            weightSum += w[i];
        }
        recomputeXtwx(xtwx, x, nonZero, mu, w);
        double dispersion = Math.max(1.0, pearson / Math.max(1.0, weightSum - p));
        return new Fit(beta, invertSymmetric(xtwx), mu, dispersion);
    }

    public static double linear(double[] beta, double[] x) {
        double s = 0;
        for (int j = 0; j < beta.length; j++) {
            s += beta[j] * x[j];
        }
        return s;
    }

    /** x·beta over the non-zero columns only: the design is mostly 0/1 dummies, and skipping zeros is exact. */
    private static double linear(double[] beta, double[] x, int[] nonZero) {
        double s = 0;
        for (int j : nonZero) {
            s += beta[j] * x[j];
        }
        return s;
    }

    private static int[][] nonZeroColumns(double[][] x) {
        int[][] nonZero = new int[x.length][];
        for (int i = 0; i < x.length; i++) {
            int count = 0;
            for (double v : x[i]) {
                if (v != 0) {
                    count++;
                }
            }
            int[] columns = new int[count];
            int k = 0;
            for (int j = 0; j < x[i].length; j++) {
                if (x[i][j] != 0) {
                    columns[k++] = j;
                }
            }
            nonZero[i] = columns;
        }
        return nonZero;
    }

    /** Intercept at log of the weighted mean, other coefficients 0: IRLS converges from there for log links. */
    private static double[] startingValues(double[][] x, double[] y, double[] w) {
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < y.length; i++) {
            sum += w[i] * y[i];
            weight += w[i];
        }
        double[] beta = new double[x[0].length];
        int intercept = interceptColumn(x);
        beta[intercept] = Math.log(Math.max(sum / Math.max(weight, 1e-12), 1e-3));
        return beta;
    }

    private static int interceptColumn(double[][] x) {
        for (int j = 0; j < x[0].length; j++) {
            boolean constant = true;
            for (double[] row : x) {
                if (row[j] != 1.0) {
                    constant = false;
                    break;
                }
            }
            if (constant) {
                return j;
            }
        }
        throw new IllegalArgumentException("design matrix has no intercept column");
    }

    private static double unitDeviance(double y, double mu) {
        return 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu));
    }

    private static void accumulate(double[][] xtwx, double[] xtwz, double[] xi, int[] nonZero, double weight,
                                   double z) {
        for (int k = 0; k < nonZero.length; k++) {
            int a = nonZero[k];
            double wa = weight * xi[a];
            if (wa == 0) {
                continue;
            }
            xtwz[a] += wa * z;
            for (int l = k; l < nonZero.length; l++) {
                int b = nonZero[l];
                xtwx[a][b] += wa * xi[b];
            }
        }
    }

    private static void recomputeXtwx(double[][] xtwx, double[][] x, int[][] nonZero, double[] mu, double[] w) {
        for (double[] row : xtwx) {
            java.util.Arrays.fill(row, 0);
        }
        double[] ignored = new double[xtwx.length];
        for (int i = 0; i < x.length; i++) {
            accumulate(xtwx, ignored, x[i], nonZero[i], w[i] * mu[i], 0);
        }
    }

    /** Solves A·b = r for symmetric positive (semi)definite A whose upper triangle is filled. */
    static double[] solveSymmetric(double[][] upper, double[] r) {
        return solveWithFactor(cholesky(upper), r);
    }

    /** Forward then backward substitution with the Cholesky factor l (A = l·lᵀ). */
    private static double[] solveWithFactor(double[][] l, double[] r) {
        int p = r.length;
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = r[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] b = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * b[k];
            }
            b[i] = s / l[i][i];
        }
        return b;
    }

    static double[][] invertSymmetric(double[][] upper) {
        int p = upper.length;
        double[][] l = cholesky(upper);
        double[][] inverse = new double[p][p];
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1;
            double[] column = solveWithFactor(l, e);
            for (int i = 0; i < p; i++) {
                inverse[i][j] = column[i];
            }
        }
        return inverse;
    }

    private static double[][] cholesky(double[][] upper) {
        int p = upper.length;
        double trace = 0;
        for (int i = 0; i < p; i++) {
            trace += upper[i][i];
        }
        double ridge = RIDGE * Math.max(trace / p, 1e-12);
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = upper[j][i];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s + ridge, ridge));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
