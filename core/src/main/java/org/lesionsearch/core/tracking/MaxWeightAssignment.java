package org.lesionsearch.core.tracking;

import java.util.Arrays;

/**
 * Optimal one-to-one assignment of rows to columns maximising the total weight, where leaving
 * a row unassigned is worth 0 (the Hungarian algorithm on a square matrix padded with zeros).
 */
final class MaxWeightAssignment {

    private MaxWeightAssignment() {
    }

    /**
     * @param weights {@code weights[row][column]}; pairs with weight {@code <= 0} are never assigned
     * @return for each row its column, or -1
     */
    static int[] solve(double[][] weights) {
        int rows = weights.length;
        int cols = rows == 0 ? 0 : weights[0].length;
        int n = Math.max(rows, cols);
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (rows == 0 || cols == 0) {
            return result;
        }
        // Minimise cost = -max(weight, 0) on an n x n matrix (1-based arrays, classic O(n^3) form).
        double[][] cost = new double[n + 1][n + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cost[i + 1][j + 1] = -Math.max(weights[i][j], 0);
            }
        }
        double[] u = new double[n + 1], v = new double[n + 1];
        int[] p = new int[n + 1], way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = cost[i0][j] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        for (int j = 1; j <= n; j++) {
            int i = p[j];
            if (i >= 1 && i <= rows && j <= cols && weights[i - 1][j - 1] > 0) {
                result[i - 1] = j - 1;
            }
        }
        return result;
    }
}
