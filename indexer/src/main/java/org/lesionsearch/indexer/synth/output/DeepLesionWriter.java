package org.lesionsearch.indexer.synth.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lesionsearch.indexer.synth.PatientPlan;
import org.lesionsearch.indexer.synth.study.StudyPlan;
import org.lesionsearch.indexer.synth.study.StudyPlanner;

/**
 * Writes the cohort as a DeepLesion folder: {@code Images_png/<patient>_<study>_<series>/<slice>.png}
 * and {@code DL_info.csv} with the 18 official columns, formatted as DeepLesion formats them.
 */
public final class DeepLesionWriter implements CohortSink {

    public static final String HEADER = "File_name,Patient_index,Study_index,Series_ID,Key_slice_index,"
            + "Measurement_coordinates,Bounding_boxes,Lesion_diameters_Pixel_,Normalized_lesion_location,"
            + "Coarse_lesion_type,Possibly_noisy,Slice_range,Spacing_mm_px_,Image_size,DICOM_windows,"
            + "Patient_gender,Patient_age,Train_Val_Test";

    private final Path root;

    public DeepLesionWriter(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("Images_png"));
    }

    /** The series folder of a study, e.g. {@code 900001_02_01}. */
    public static String seriesFolder(int patient, int study, int series) {
        return String.format(Locale.ROOT, "%06d_%02d_%02d", patient, study, series);
    }

    public static String sliceFile(int slice) {
        return String.format(Locale.ROOT, "%03d.png", slice);
    }

    @Override
    public void slice(PatientPlan patient, StudyPlan study, int slice, short[] hu) throws IOException {
        Path folder = root.resolve("Images_png").resolve(seriesFolder(patient.patientIndex(), study.index(),
                study.seriesId()));
        Files.createDirectories(folder);
        Png16.write(folder.resolve(sliceFile(slice)), hu, study.width(), study.height());
    }

    @Override
    public void finish(List<GroundTruthRecord> lesions, List<StudyRecord> studies) throws IOException {
        try (Writer w = Files.newBufferedWriter(root.resolve("DL_info.csv"), StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (GroundTruthRecord r : lesions) {
                w.write(row(r));
                w.write('\n');
            }
        }
    }

    /** One {@code DL_info.csv} row. */
    static String row(GroundTruthRecord r) {
        double[] e = r.recistPx();
        double longPx = Math.hypot(e[2] - e[0], e[3] - e[1]), shortPx = Math.hypot(e[6] - e[4], e[7] - e[5]);
        return String.join(",",
                r.fileName(),
                Integer.toString(r.patientIndex()),
                Integer.toString(r.studyIndex()),
                Integer.toString(r.seriesId()),
                Integer.toString(r.keySlice()),
                quoted(DeepLesionNumbers.list(e)),
                quoted(DeepLesionNumbers.list(r.boxPx())),
                quoted(DeepLesionNumbers.list(longPx, shortPx)),
                quoted(DeepLesionNumbers.list(r.measuredLocation())),
                Integer.toString(r.coarseType()),
                r.possiblyNoisy() ? "1" : "0",
                quoted(r.sliceRange()[0] + ", " + r.sliceRange()[1]),
                quoted(DeepLesionNumbers.list(r.spacingMm())),
                quoted(StudyPlanner.IMAGE_SIZE + ", " + StudyPlanner.IMAGE_SIZE),
                quoted(DeepLesionNumbers.list(r.window())),
                r.sex(),
                Integer.toString(r.patientAge()),
                Integer.toString(r.split()));
    }

    private static String quoted(String text) {
        return '"' + text + '"';
    }
}
