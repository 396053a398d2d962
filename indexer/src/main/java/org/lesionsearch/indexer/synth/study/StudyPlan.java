package org.lesionsearch.indexer.synth.study;

import java.time.LocalDate;

/**
 * One CT study of a synthetic patient: when, how the patient lay, and how the scanner sampled
 * the body. Slice {@code k} (1-based, head first) is centred at body height
 * {@code firstSliceS + (k - 1) * thickness}, i.e. scanner z {@code pose.tz() - s}.
 *
 * @param index study number within the patient, from 1
 * @param seriesId DeepLesion's series number of the axial series
 * @param originX scanner x of the centre of pixel (0, 0)
 * @param originY scanner y of the centre of pixel (0, 0)
 * @param noiseSigma standard deviation of the image noise in HU
 * @param signedPixels whether the DICOM output stores signed pixels (else unsigned with intercept -1024)
 */
public record StudyPlan(int index, int seriesId, LocalDate date, int ageYears, Pose pose, int width, int height,
                        double pixelSpacing, double thickness, int sliceCount, double firstSliceS, double originX,
                        double originY, double noiseSigma, boolean signedPixels) {

    public double sliceS(int slice) {
        return firstSliceS + (slice - 1) * thickness;
    }

    /** Scanner z of a slice. */
    public double sliceZ(int slice) {
        return pose.tz() - sliceS(slice);
    }

    /** Pixel column and row {@code {i, j}} of a body-frame point in this study's slices. */
    public double[] toPixel(double x, double y) {
        double c = Math.cos(pose.yaw()), s = Math.sin(pose.yaw());
        double sx = c * x - s * y + pose.tx(), sy = s * x + c * y + pose.ty();
        return new double[] {(sx - originX) / pixelSpacing, (sy - originY) / pixelSpacing};
    }

    /** The slice whose centre is nearest to a body height, clamped to the series. */
    public int nearestSlice(double s) {
        int k = (int) Math.round((s - firstSliceS) / thickness) + 1;
        return Math.max(1, Math.min(sliceCount, k));
    }
}
