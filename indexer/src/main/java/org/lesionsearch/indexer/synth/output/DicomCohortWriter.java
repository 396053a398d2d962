package org.lesionsearch.indexer.synth.output;

import com.pixelmed.dicom.AgeStringAttribute;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TimeAttribute;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.indexer.dicom.Measurement;
import org.lesionsearch.indexer.dicom.MeasurementSidecar;
import org.lesionsearch.indexer.patch.HuWindow;
import org.lesionsearch.indexer.synth.PatientPlan;
import org.lesionsearch.indexer.synth.study.StudyPlan;

/**
 * Writes the cohort as DICOM: one CT Image Storage series per study
 * ({@code <patient>_<study>_<series>/<slice>.dcm}, explicit VR little endian) with the study's
 * geometry, rescale and patient, study and series attributes, and the measurements in a
 * {@code measurements.csv} sidecar keyed by SOP Instance UID.
 *
 * <p>Half the studies store signed pixels holding HU, the other half unsigned pixels holding
 * {@code HU + 1024} with a rescale intercept of -1024, as scanners do.
 */
public final class DicomCohortWriter implements CohortSink {

    public static final String SIDECAR = "measurements.csv";
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private final Path root;
    private final Uids uids;

    public DicomCohortWriter(Path root, Uids uids) throws IOException {
        this.root = root;
        this.uids = uids;
        Files.createDirectories(root);
    }

    @Override
    public void slice(PatientPlan patient, StudyPlan study, int slice, short[] hu) throws IOException {
        Path folder = root.resolve(DeepLesionWriter.seriesFolder(patient.patientIndex(), study.index(), study.seriesId()));
        Files.createDirectories(folder);
        Path file = folder.resolve(String.format(Locale.ROOT, "%03d.dcm", slice));
        try (OutputStream out = Files.newOutputStream(file)) {
            AttributeList list = attributes(patient, study, slice, hu);
            list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (DicomException e) {
            throw new IOException(file + ": cannot write DICOM (" + e.getMessage() + ")", e);
        }
    }

    AttributeList attributes(PatientPlan patient, StudyPlan study, int slice, short[] hu) throws DicomException {
        int p = patient.patientIndex();
        AttributeList list = new AttributeList();
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), SOPClass.CTImageStorage);
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), uids.instance(p, study.index(), slice));
        put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), uids.study(p, study.index()));
        put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), uids.series(p, study.index()));
        put(list, new UniqueIdentifierAttribute(TagFromName.FrameOfReferenceUID), uids.frameOfReference(p, study.index()));
        put(list, new CodeStringAttribute(TagFromName.Modality), "CT");
        put(list, new CodeStringAttribute(TagFromName.ImageType), "ORIGINAL", "PRIMARY", "AXIAL");
        put(list, new PersonNameAttribute(TagFromName.PatientName), "SYNTHETIC^" + patient.patientKey());
        put(list, new LongStringAttribute(TagFromName.PatientID), patient.patientKey());
        put(list, new CodeStringAttribute(TagFromName.PatientSex), patient.sex().name().substring(0, 1));
        put(list, new AgeStringAttribute(TagFromName.PatientAge), String.format(Locale.ROOT, "%03dY", study.ageYears()));
        put(list, new DateAttribute(TagFromName.StudyDate), study.date().format(DA));
        put(list, new TimeAttribute(TagFromName.StudyTime), "093000");
        put(list, new DateAttribute(TagFromName.SeriesDate), study.date().format(DA));
        put(list, new ShortStringAttribute(TagFromName.AccessionNumber), "S" + patient.patientKey() + study.index());
        put(list, new ShortStringAttribute(TagFromName.StudyID), Integer.toString(study.index()));
        put(list, new LongStringAttribute(TagFromName.StudyDescription), "SYNTHETIC CT - NOT CLINICAL DATA");
        put(list, new LongStringAttribute(TagFromName.SeriesDescription),
                "AXIAL " + DeepLesionNumbers.format(study.thickness()) + " MM SYNTHETIC");
        put(list, new LongStringAttribute(TagFromName.Manufacturer), "Lesion Search synthetic cohort");
        put(list, new IntegerStringAttribute(TagFromName.SeriesNumber), Integer.toString(study.seriesId()));
        put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), Integer.toString(slice));
        put(list, new CodeStringAttribute(TagFromName.PatientPosition), "HFS");
        put(list, new DecimalStringAttribute(TagFromName.ImagePositionPatient), ds(study.originX()),
                ds(study.originY()), ds(study.sliceZ(slice)));
        put(list, new DecimalStringAttribute(TagFromName.ImageOrientationPatient), "1", "0", "0", "0", "1", "0");
        put(list, new DecimalStringAttribute(TagFromName.SliceLocation), ds(study.sliceZ(slice)));
        put(list, new DecimalStringAttribute(TagFromName.SliceThickness), ds(study.thickness()));
        put(list, new DecimalStringAttribute(TagFromName.SpacingBetweenSlices), ds(study.thickness()));
        put(list, new DecimalStringAttribute(TagFromName.PixelSpacing), ds(study.pixelSpacing()), ds(study.pixelSpacing()));
        put(list, new UnsignedShortAttribute(TagFromName.Rows), Integer.toString(study.height()));
        put(list, new UnsignedShortAttribute(TagFromName.Columns), Integer.toString(study.width()));
        put(list, new UnsignedShortAttribute(TagFromName.SamplesPerPixel), "1");
        put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
        put(list, new UnsignedShortAttribute(TagFromName.BitsAllocated), "16");
        boolean signed = study.signedPixels();
        put(list, new UnsignedShortAttribute(TagFromName.BitsStored), signed ? "16" : "12");
        put(list, new UnsignedShortAttribute(TagFromName.HighBit), signed ? "15" : "11");
        put(list, new UnsignedShortAttribute(TagFromName.PixelRepresentation), signed ? "1" : "0");
        put(list, new DecimalStringAttribute(TagFromName.RescaleIntercept), signed ? "0" : "-1024");
        put(list, new DecimalStringAttribute(TagFromName.RescaleSlope), "1");
        put(list, new LongStringAttribute(TagFromName.RescaleType), "HU");
        put(list, new DecimalStringAttribute(TagFromName.WindowCenter), "50");
        put(list, new DecimalStringAttribute(TagFromName.WindowWidth), "450");
        short[] stored = new short[hu.length];
        int offset = signed ? 0 : 1024;
        for (int i = 0; i < hu.length; i++) {
            stored[i] = (short) (hu[i] + offset);
        }
        OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(stored);
        list.put(pixels);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "LESIONSEARCH");
        return list;
    }

    @Override
    public void finish(List<GroundTruthRecord> lesions, List<StudyRecord> studies) throws IOException {
        List<Measurement> measurements = new ArrayList<>();
        String previous = null;
        int number = 0;
        for (GroundTruthRecord r : lesions) {
            number = r.sopInstanceUid().equals(previous) ? number + 1 : 1;
            previous = r.sopInstanceUid();
            double[] b = r.boxPx();
            double[] l = r.measuredLocation();
            measurements.add(new Measurement(r.sopInstanceUid(), number, r.recistPx(), r.measuredLongAxisMm(),
                    r.measuredShortAxisMm(), new BoundingBox(b[0], b[1], b[2], b[3]), CoarseType.fromCode(r.coarseType()),
                    new BodyLocation(l[0], l[1], l[2]), HuWindow.of(r.window()), r.lesionId()));
        }
        MeasurementSidecar.writeCsv(root.resolve(SIDECAR), measurements);
    }

    private static void put(AttributeList list, Attribute attribute, String... values) throws DicomException {
        for (String v : values) {
            attribute.addValue(v);
        }
        list.put(attribute);
    }

    /** A decimal string within DICOM's 16 characters. */
    private static String ds(double v) {
        String text = DeepLesionNumbers.format(v);
        return text.length() <= 16 ? text : String.format(Locale.ROOT, "%.6g", v);
    }
}
