package org.lesionsearch.indexer.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lesionsearch.indexer.deeplesion.DeepLesionSliceReader;
import org.lesionsearch.indexer.dicom.Measurement;
import org.lesionsearch.indexer.dicom.MeasurementSidecar;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.synth.output.DeepLesionWriter;
import org.lesionsearch.indexer.synth.output.DicomCohortWriter;
import org.lesionsearch.indexer.synth.output.GroundTruthFiles;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;

/** The DICOM output: CT series with the study's geometry and rescale, and a sidecar keyed by SOP Instance UID. */
class DicomOutputTest {

    private static AttributeList read(Path file) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        list.read(file.toString());
        return list;
    }

    @Test
    void keySlicesHoldTheSameHounsfieldUnitsAsThePngsWithCorrectGeometry() throws Exception {
        Path dicom = SyntheticCohort.dicom(), png = SyntheticCohort.deepLesion();
        List<GroundTruthRecord> truth = GroundTruthFiles.readLesions(dicom.resolve(GroundTruthFiles.LESIONS));
        assertThat(truth).isNotEmpty();
        for (GroundTruthRecord r : truth.subList(0, Math.min(6, truth.size()))) {
            String folder = DeepLesionWriter.seriesFolder(r.patientIndex(), r.studyIndex(), r.seriesId());
            AttributeList list = read(dicom.resolve(folder).resolve(String.format("%03d.dcm", r.keySlice())));
            assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID)).isEqualTo(SOPClass.CTImageStorage);
            assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID)).isEqualTo(r.sopInstanceUid());
            assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID)).isEqualTo(r.studyInstanceUid());
            assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PatientID)).isEqualTo(String.format("%06d", r.patientIndex()));
            assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.Modality)).isEqualTo("CT");
            assertThat(Attribute.getIntegerValues(list, TagFromName.InstanceNumber)[0]).isEqualTo(r.keySlice());
            double[] spacing = Attribute.getDoubleValues(list, TagFromName.PixelSpacing);
            assertThat(spacing[0]).isCloseTo(r.spacingMm()[0], within(1e-4));
            assertThat(Attribute.getSingleDoubleValueOrDefault(list, TagFromName.SliceThickness, 0)).isEqualTo(r.spacingMm()[2]);
            assertThat(Attribute.getDoubleValues(list, TagFromName.ImagePositionPatient)[2])
                    .isCloseTo(r.scannerPositionMm()[2], within(r.spacingMm()[2] * 1.6 + 0.1));

            double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1);
            double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0);
            boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
            short[] stored = list.get(TagFromName.PixelData).getShortValues();
            HuSlice fromPng = new DeepLesionSliceReader().read(png.resolve("Images_png").resolve(folder)
                    .resolve(String.format("%03d.png", r.keySlice())), spacing[0], spacing[1]);
            for (int i = 0; i < stored.length; i += 97) {
                int raw = signed ? stored[i] : stored[i] & 0xFFFF;
                assertThat(raw * slope + intercept).as("HU of pixel %d", i).isEqualTo(fromPng.hu()[i]);
            }
        }
    }

    @Test
    void slicesOfASeriesAreEvenlySpacedAlongZ() throws Exception {
        Path dicom = SyntheticCohort.dicom();
        Path series;
        try (Stream<Path> folders = Files.list(dicom)) {
            series = folders.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(series)) {
            files = s.sorted().toList();
        }
        AttributeList first = read(files.get(0)), second = read(files.get(1));
        int n1 = Attribute.getIntegerValues(first, TagFromName.InstanceNumber)[0];
        int n2 = Attribute.getIntegerValues(second, TagFromName.InstanceNumber)[0];
        double z1 = Attribute.getDoubleValues(first, TagFromName.ImagePositionPatient)[2];
        double z2 = Attribute.getDoubleValues(second, TagFromName.ImagePositionPatient)[2];
        double thickness = Attribute.getSingleDoubleValueOrDefault(first, TagFromName.SliceThickness, 0);
        assertThat(z1 - z2).as("z falls by the thickness per instance, head first").isCloseTo((n2 - n1) * thickness, within(1e-3));
        assertThat(Attribute.getSingleStringValueOrEmptyString(first, TagFromName.SeriesInstanceUID))
                .isEqualTo(Attribute.getSingleStringValueOrEmptyString(second, TagFromName.SeriesInstanceUID));
    }

    @Test
    void theSidecarNamesEveryMeasurementBySopInstanceUidOfAWrittenImage() throws Exception {
        Path dicom = SyntheticCohort.dicom();
        MeasurementSidecar.Contents contents = new MeasurementSidecar().read(dicom.resolve(DicomCohortWriter.SIDECAR));
        List<GroundTruthRecord> truth = GroundTruthFiles.readLesions(dicom.resolve(GroundTruthFiles.LESIONS));
        assertThat(contents.errors()).isEmpty();
        assertThat(contents.measurements()).hasSameSizeAs(truth);
        Set<String> written;
        try (Stream<Path> files = Files.walk(dicom)) {
            written = files.filter(f -> f.toString().endsWith(".dcm")).map(f -> {
                try {
                    return Attribute.getSingleStringValueOrEmptyString(read(f), TagFromName.SOPInstanceUID);
                } catch (IOException | DicomException e) {
                    throw new AssertionError(f + ": " + e.getMessage(), e);
                }
            }).collect(Collectors.toSet());
        }
        for (int k = 0; k < truth.size(); k++) {
            Measurement m = contents.measurements().get(k);
            assertThat(written).contains(m.sopInstanceUid());
            assertThat(m.sopInstanceUid()).isEqualTo(truth.get(k).sopInstanceUid());
            assertThat(m.endpointsPx()).containsExactly(truth.get(k).recistPx());
        }
    }
}
