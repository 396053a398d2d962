package org.lesionsearch.core.tracking;

/**
 * The likelihood model behind within-patient matching. Each cue contributes the log ratio of
 * how likely it is for the same lesion seen twice versus for two different lesions of the patient:
 *
 * <ul>
 *   <li>location: the offset between the two normalised body locations, after the studies are
 *       aligned, is Gaussian for the same lesion (with a wider outlier component) and uniform
 *       over the body for different lesions;
 *   <li>size: the log ratio of long axes is narrow for the same lesion (growth and shrinkage,
 *       with a wider component for strong responses) and wide for different lesions;
 *   <li>embedding: the cosine is Gaussian around a high mean for the same lesion and around a
 *       lower mean for different ones;
 *   <li>coarse type: rarely differs for the same lesion, usually for different ones.
 * </ul>
 * Cues a lesion lacks (no embedding, no size) contribute nothing.
 *
 * @param locationSigma per-axis spread of the same lesion's x and y after alignment (normalised units)
 * @param zSigma the same along z
 * @param locationOutlierWeight share of same-lesion offsets drawn from a component {@code outlierScale} times wider
 * @param outlierScale width of the outlier components relative to the main ones
 * @param sizeSigmaSame spread of the log size ratio of the same lesion
 * @param sizeSigmaDifferent spread of the log size ratio of different lesions
 * @param cosineMeanSame mean embedding cosine of the same lesion in two studies
 * @param cosineSigmaSame its spread
 * @param cosineMeanDifferent mean embedding cosine of two different lesions of a patient
 * @param cosineSigmaDifferent its spread
 * @param typeDiffersSame probability that the coarse types of the same lesion differ
 * @param typeDiffersDifferent probability that the coarse types of different lesions differ
 * @param noMatchPrior prior probability that a lesion has no counterpart in another study (new or gone)
 * @param translationSigmaXy prior spread of the offset between two studies' locations in x and y
 * @param translationSigmaZ the same along z
 * @param gapPenalty log-odds taken off a track link for each study the lesion was not seen in between
 */
public record MatchModel(double locationSigma, double zSigma, double locationOutlierWeight, double outlierScale,
        double sizeSigmaSame, double sizeSigmaDifferent, double cosineMeanSame, double cosineSigmaSame,
        double cosineMeanDifferent, double cosineSigmaDifferent, double typeDiffersSame, double typeDiffersDifferent,
        double noMatchPrior, double translationSigmaXy, double translationSigmaZ, double gapPenalty) {

    /** No single cue may decide alone more than this (log-odds). */
    static final double MAX_CUE_LOG_ODDS = 12;

    public MatchModel {
        positive("locationSigma", locationSigma);
        positive("zSigma", zSigma);
        positive("sizeSigmaSame", sizeSigmaSame);
        positive("sizeSigmaDifferent", sizeSigmaDifferent);
        positive("cosineSigmaSame", cosineSigmaSame);
        positive("cosineSigmaDifferent", cosineSigmaDifferent);
        positive("translationSigmaXy", translationSigmaXy);
        positive("translationSigmaZ", translationSigmaZ);
        positive("outlierScale", outlierScale);
        probability("locationOutlierWeight", locationOutlierWeight);
        probability("typeDiffersSame", typeDiffersSame);
        probability("typeDiffersDifferent", typeDiffersDifferent);
        if (!(noMatchPrior > 0 && noMatchPrior < 1)) {
            throw new IllegalArgumentException("noMatchPrior must be in (0, 1), was " + noMatchPrior);
        }
        if (!(gapPenalty >= 0)) {
            throw new IllegalArgumentException("gapPenalty must not be negative, was " + gapPenalty);
        }
    }

    /**
     * For normalised body locations as DeepLesion and the synthetic cohort give them (x and y
     * relative to the body, z from the body-part regressor), which already agree across studies
     * up to a small offset.
     */
    public static MatchModel defaults() {
        return new MatchModel(0.03, 0.03, 0.2, 4, 0.3, 0.8, 0.85, 0.1, 0.4, 0.2, 0.03, 0.8, 0.3, 0.05, 0.05, 1.0);
    }

    public MatchModel withLocationSigma(double xy, double z) {
        return new MatchModel(xy, z, locationOutlierWeight, outlierScale, sizeSigmaSame, sizeSigmaDifferent,
                cosineMeanSame, cosineSigmaSame, cosineMeanDifferent, cosineSigmaDifferent, typeDiffersSame,
                typeDiffersDifferent, noMatchPrior, translationSigmaXy, translationSigmaZ, gapPenalty);
    }

    public MatchModel withTranslationSigma(double xy, double z) {
        return new MatchModel(locationSigma, zSigma, locationOutlierWeight, outlierScale, sizeSigmaSame,
                sizeSigmaDifferent, cosineMeanSame, cosineSigmaSame, cosineMeanDifferent, cosineSigmaDifferent,
                typeDiffersSame, typeDiffersDifferent, noMatchPrior, xy, z, gapPenalty);
    }

    public MatchModel withCosine(double meanSame, double sigmaSame, double meanDifferent, double sigmaDifferent) {
        return new MatchModel(locationSigma, zSigma, locationOutlierWeight, outlierScale, sizeSigmaSame,
                sizeSigmaDifferent, meanSame, sigmaSame, meanDifferent, sigmaDifferent, typeDiffersSame,
                typeDiffersDifferent, noMatchPrior, translationSigmaXy, translationSigmaZ, gapPenalty);
    }

    public MatchModel withNoMatchPrior(double prior) {
        return new MatchModel(locationSigma, zSigma, locationOutlierWeight, outlierScale, sizeSigmaSame,
                sizeSigmaDifferent, cosineMeanSame, cosineSigmaSame, cosineMeanDifferent, cosineSigmaDifferent,
                typeDiffersSame, typeDiffersDifferent, prior, translationSigmaXy, translationSigmaZ, gapPenalty);
    }

    /** Log-odds of the location offset {@code (dx, dy, dz)} between two aligned lesions. */
    double locationLogOdds(double dx, double dy, double dz) {
        double q = (dx * dx + dy * dy) / (locationSigma * locationSigma) + dz * dz / (zSigma * zSigma);
        double wideScale = outlierScale * outlierScale;
        if (q / wideScale > 4 * MAX_CUE_LOG_ODDS) {
            return -MAX_CUE_LOG_ODDS; // far beyond both components
        }
        double norm = Math.pow(2 * Math.PI, 1.5) * locationSigma * locationSigma * zSigma;
        double main = Math.exp(-0.5 * q) / norm;
        double wide = Math.exp(-0.5 * q / wideScale) / (norm * wideScale * outlierScale);
        double density = (1 - locationOutlierWeight) * main + locationOutlierWeight * wide;
        // Different lesions are spread over the unit body: density 1.
        return clamp(Math.log(Math.max(density, Double.MIN_NORMAL)));
    }

    /** Log-odds of the log ratio of two long axes. */
    double sizeLogOdds(double logRatio) {
        double same = (1 - locationOutlierWeight) * gaussian(logRatio, 0, sizeSigmaSame)
                + locationOutlierWeight * gaussian(logRatio, 0, sizeSigmaSame * outlierScale);
        return clamp(Math.log(same) - Math.log(gaussian(logRatio, 0, sizeSigmaDifferent)));
    }

    double cosineLogOdds(double cosine) {
        return clamp(logGaussian(cosine, cosineMeanSame, cosineSigmaSame)
                - logGaussian(cosine, cosineMeanDifferent, cosineSigmaDifferent));
    }

    double typeLogOdds(boolean differ) {
        return differ ? Math.log(typeDiffersSame / typeDiffersDifferent)
                : Math.log((1 - typeDiffersSame) / (1 - typeDiffersDifferent));
    }

    /** Log prior density of an offset between two studies. */
    double translationLogPrior(Translation t) {
        return logGaussian(t.dx(), 0, translationSigmaXy) + logGaussian(t.dy(), 0, translationSigmaXy)
                + logGaussian(t.dz(), 0, translationSigmaZ);
    }

    private static double clamp(double logOdds) {
        return Math.max(-MAX_CUE_LOG_ODDS, Math.min(MAX_CUE_LOG_ODDS, logOdds));
    }

    private static double gaussian(double x, double mean, double sigma) {
        return Math.exp(logGaussian(x, mean, sigma));
    }

    private static double logGaussian(double x, double mean, double sigma) {
        double z = (x - mean) / sigma;
        return -0.5 * z * z - Math.log(sigma * Math.sqrt(2 * Math.PI));
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + v);
        }
    }

    private static void probability(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + v);
        }
    }
}
