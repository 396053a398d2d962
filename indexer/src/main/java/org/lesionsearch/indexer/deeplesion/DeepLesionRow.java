package org.lesionsearch.indexer.deeplesion;

import java.util.Locale;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.lesion.Spacing;
import org.lesionsearch.indexer.patch.HuWindow;

/**
 * One row of DeepLesion's {@code DL_info.csv}, every one of its 18 columns typed.
 *
 * @param line the row's line in the file, for error messages
 * @param fileName {@code File_name}: {@code <patient>_<study>_<series>_<keyslice>.png}
 * @param measurementCoordinates {@code Measurement_coordinates}: the long then the short
 *     diameter's end points in pixels, {@code x11,y11,x12,y12,x21,y21,x22,y22}
 * @param longDiameterPx first number of {@code Lesion_diameters_Pixel_}
 * @param shortDiameterPx second number of {@code Lesion_diameters_Pixel_}
 * @param location {@code Normalized_lesion_location}
 * @param sliceRange {@code Slice_range}: the slices available around the key slice
 * @param spacing {@code Spacing_mm_px_}: x, y and slice interval in mm
 * @param dicomWindow {@code DICOM_windows}: the window the radiologist read the slice with
 * @param age {@code Patient_age}, {@code null} where DeepLesion has {@code NaN}
 */
public record DeepLesionRow(
        int line,
        String fileName,
        int patientIndex,
        int studyIndex,
        int seriesId,
        int keySlice,
        double[] measurementCoordinates,
        BoundingBox boundingBox,
        double longDiameterPx,
        double shortDiameterPx,
        BodyLocation location,
        CoarseType coarseType,
        boolean possiblyNoisy,
        SliceRange sliceRange,
        Spacing spacing,
        int imageWidth,
        int imageHeight,
        HuWindow dicomWindow,
        Sex sex,
        Integer age,
        Split split) {

    public DeepLesionRow {
        measurementCoordinates = measurementCoordinates.clone();
    }

    @Override
    public double[] measurementCoordinates() {
        return measurementCoordinates.clone();
    }

    /** The series folder under {@code Images_png}, e.g. {@code 000069_02_01}. */
    public String seriesFolder() {
        return fileName.substring(0, fileName.lastIndexOf('_'));
    }

    /** Patient as DeepLesion writes it in file names, e.g. {@code 000069}. */
    public String patientKey() {
        return String.format(Locale.ROOT, "%06d", patientIndex);
    }

    /** Study key unique across patients, e.g. {@code 000069_02}. */
    public String studyKey() {
        return String.format(Locale.ROOT, "%06d_%02d", patientIndex, studyIndex);
    }

    /** The file name of a slice in this row's series folder, e.g. {@code 058.png}. */
    public static String sliceFileName(int slice) {
        return String.format(Locale.ROOT, "%03d.png", slice);
    }

    /**
     * The lesion id {@code <patient>_<study>_<series>_<slice>_<n>}, where {@code n} counts the
     * lesions of one key slice from 1 in the order of the CSV.
     */
    public String lesionId(int ordinalOnSlice) {
        return fileName.substring(0, fileName.length() - ".png".length()) + "_" + ordinalOnSlice;
    }

    /** {@code Slice_range}: the first and last slice available in the series folder. */
    public record SliceRange(int first, int last) {
        public boolean contains(int slice) {
            return slice >= first && slice <= last;
        }
    }

    /** {@code Train_Val_Test}: 1 train, 2 validation, 3 test. */
    public enum Split {
        TRAIN, VALIDATION, TEST;

        public static Split fromCode(int code) {
            return switch (code) {
                case 1 -> TRAIN;
                case 2 -> VALIDATION;
                case 3 -> TEST;
                default -> throw new IllegalArgumentException("unknown split " + code + " (expected 1 train, 2 validation or 3 test)");
            };
        }
    }
}
