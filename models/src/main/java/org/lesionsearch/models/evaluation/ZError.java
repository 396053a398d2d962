package org.lesionsearch.models.evaluation;

/**
 * How far predicted body positions z lie from the true ones: the mean absolute error, beside
 * the error of predicting one constant for every lesion, the mean true z of these same lesions
 * (a baseline that sees no image but knows the answers' average).
 */
public record ZError(double meanAbsoluteError, double meanPredictorError, int lesions) {

    public static ZError of(double[] predicted, double[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(predicted.length + " predicted z but " + truth.length + " true z");
        }
        int n = truth.length;
        if (n == 0) {
            return new ZError(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(predicted[i]) || !Double.isFinite(truth[i])) {
                throw new IllegalArgumentException("z of lesion " + i + " is not finite (predicted " + predicted[i]
                        + ", true " + truth[i] + ")");
            }
            mean += truth[i];
        }
        mean /= n;
        double error = 0;
        double constant = 0;
        for (int i = 0; i < n; i++) {
            error += Math.abs(predicted[i] - truth[i]);
            constant += Math.abs(mean - truth[i]);
        }
        return new ZError(error / n, constant / n, n);
    }
}
