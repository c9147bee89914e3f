package io.redflag.service.backtest;

import java.util.List;

/**
 * A logistic regression of a yes/no outcome on yes/no features with an L2 penalty (ridge) on the coefficients, not
 * on the intercept, fitted by Newton's method (iteratively reweighted least squares). Small and exact for the
 * backtest's dozen features; the penalty keeps a signal that fires on few accounts from getting a huge weight.
 */
final class LogisticFit {
    private static final int MAX_ITERATIONS = 50;

    /** @param coefficients the intercept first, then one per feature */
    record Result(double[] coefficients, int iterations) {
    }

    private LogisticFit() {
    }

    /**
     * @param rows     per observation, its features as bits (feature j set: bit j)
     * @param outcomes per observation, whether the outcome happened
     * @param features how many features
     * @param lambda   the penalty on the sum of squared coefficients
     */
    static Result fit(List<Long> rows, List<Boolean> outcomes, int features, double lambda) {
        int p = features + 1;
        double[] beta = new double[p];
        int iteration = 0;
        while (iteration++ < MAX_ITERATIONS) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            int[] on = new int[p];
            for (int r = 0; r < rows.size(); r++) {
                long bits = rows.get(r);
                int n = 0;
                on[n++] = 0;
                for (int j = 0; j < features; j++) {
                    if ((bits >>> j & 1L) != 0) {
                        on[n++] = j + 1;
                    }
                }
                double eta = 0;
                for (int k = 0; k < n; k++) {
                    eta += beta[on[k]];
                }
                double mu = 1 / (1 + Math.exp(-eta));
                double y = outcomes.get(r) ? 1 : 0;
                double w = mu * (1 - mu);
                for (int a = 0; a < n; a++) {
                    gradient[on[a]] += y - mu;
                    for (int b = 0; b < n; b++) {
                        hessian[on[a]][on[b]] += w;
                    }
                }
            }
            for (int j = 1; j < p; j++) {
                gradient[j] -= lambda * beta[j];
                hessian[j][j] += lambda;
            }
            hessian[0][0] += 1e-9; // an outcome that never (or always) happens has no finite intercept
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-8) {
                break;
            }
        }
        return new Result(beta, iteration);
    }

    /** Solves a x = b for a symmetric positive definite a (Gaussian elimination with partial pivoting). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
