package org.lesionsearch.indexer.dicom;

import java.time.LocalDate;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.indexer.patch.HuWindow;

/**
 * The attributes of one DICOM instance that the lesion sources need, read without its pixels.
 * Absent strings are empty; absent numbers and arrays are {@code null}.
 *
 * @param pixelSpacing (0028,0030): row spacing (between rows, y) then column spacing (x), in mm
 * @param imagePosition (0020,0032): the centre of the first pixel in patient coordinates, mm
 * @param imageOrientation (0020,0037): direction cosines of the first row then the first column
 * @param window the first (0028,1050)/(0028,1051) window, or {@code null}
 * @param frames (0028,0008), 1 when absent
 * @param hasPixelData whether the instance has (7FE0,0010)
 */
public record DicomInstance(
        DicomData data,
        String sopClassUid,
        String sopInstanceUid,
        String studyUid,
        String seriesUid,
        String modality,
        String patientId,
        Sex sex,
        Integer patientAge,
        LocalDate studyDate,
        Integer instanceNumber,
        int rows,
        int columns,
        double[] pixelSpacing,
        double[] imagePosition,
        double[] imageOrientation,
        Double sliceThickness,
        HuWindow window,
        int frames,
        boolean hasPixelData) {

    /** SR documents' SOP classes share this root (PS3.4 B.5: Basic, Enhanced, Comprehensive, ...). */
    private static final String SR_CLASS_ROOT = "1.2.840.10008.5.1.4.1.1.88.";

    public boolean isStructuredReport() {
        return sopClassUid.startsWith(SR_CLASS_ROOT) || modality.equals("SR");
    }

    public boolean isCt() {
        return modality.equals("CT");
    }

    public String name() {
        return data.name();
    }

    /** mm between columns (x). */
    public double spacingX() {
        return pixelSpacing[1];
    }

    /** mm between rows (y). */
    public double spacingY() {
        return pixelSpacing[0];
    }
}
