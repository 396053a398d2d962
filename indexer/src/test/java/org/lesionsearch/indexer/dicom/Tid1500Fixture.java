package org.lesionsearch.indexer.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.ContentItem;
import com.pixelmed.dicom.ContentItemFactory;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.StructuredReport;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes DICOM SR measurement reports in the shape of TID 1500: Imaging Measurement Report,
 * Imaging Measurements, one Measurement Group per lesion with NUM items whose SCOORD polyline
 * is SELECTED FROM an image.
 */
public final class Tid1500Fixture {

    static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";

    /** One NUM: its concept (code value, scheme, meaning), value and unit, and the polyline in SR coordinates. */
    public record Num(String code, String scheme, String meaning, String value, String unit, float[] polyline, String imageSop) {
        public static Num longAxis(double mm, String sop, float... xy) {
            return new Num("103339001", "SCT", "Long Axis", Double.toString(mm), "mm", xy, sop);
        }

        public static Num shortAxis(double mm, String sop, float... xy) {
            return new Num("103340004", "SCT", "Short Axis", Double.toString(mm), "mm", xy, sop);
        }

        public static Num length(String value, String unit, String sop, float... xy) {
            return new Num("410668003", "SCT", "Length", value, unit, xy, sop);
        }
    }

    private final List<List<Num>> groups = new ArrayList<>();

    public Tid1500Fixture group(Num... nums) {
        groups.add(List.of(nums));
        return this;
    }

    public Path write(Path file, String studyUid, String seriesUid, String sopUid) throws IOException, DicomException {
        ContentItemFactory f = new ContentItemFactory();
        ContentItem root = f.makeContainerContentItem(null, null, code("126000", "DCM", "Imaging Measurement Report"), true);
        ContentItem measurements = f.makeContainerContentItem(root, "CONTAINS", code("126010", "DCM", "Imaging Measurements"), true);
        for (List<Num> group : groups) {
            ContentItem g = f.makeContainerContentItem(measurements, "CONTAINS", code("125007", "DCM", "Measurement Group"), true);
            f.makeTextContentItem(g, "HAS OBS CONTEXT", code("112039", "DCM", "Tracking Identifier"), "lesion " + groups.indexOf(group));
            for (Num n : group) {
                ContentItem num = f.makeNumericContentItem(g, "CONTAINS", code(n.code, n.scheme, n.meaning), n.value,
                        code(n.unit, "UCUM", n.unit));
                if (n.polyline != null) {
                    ContentItem scoord = f.makeSpatialCoordinatesContentItem(num, "INFERRED FROM", null, "POLYLINE", n.polyline);
                    f.makeImageContentItem(scoord, "SELECTED FROM", null, CT_IMAGE, n.imageSop, 0, 0, null, null, null, null);
                }
            }
        }
        AttributeList list = new StructuredReport(root).getAttributeList();
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), COMPREHENSIVE_SR);
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sopUid);
        put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), studyUid);
        put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), seriesUid);
        put(list, new CodeStringAttribute(TagFromName.Modality), "SR");
        put(list, new LongStringAttribute(TagFromName.PatientID), "1CT1");
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "LESIONSEARCH");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    private static CodedSequenceItem code(String value, String scheme, String meaning) throws DicomException {
        return new CodedSequenceItem(value, scheme, meaning);
    }

    private static void put(AttributeList list, Attribute a, String value) throws DicomException {
        a.addValue(value);
        list.put(a);
    }
}
