package org.lesionsearch.indexer.dicomweb;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Consumer;
import org.lesionsearch.indexer.SharedTestData;

/**
 * Real CT instances from {@code shared/data/dicom} rewritten with new study, series and SOP
 * instance UIDs and dates (pixel data untouched), so tests can build studies and series of
 * real images.
 */
public final class DicomTestFiles {

    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

    private DicomTestFiles() {}

    /** The small real CT slice (128x128, explicit VR little endian). */
    public static Path ctSmall() {
        return SharedTestData.dicom().resolve("CT_small.dcm");
    }

    /** The 512x512 real CT slice. */
    public static Path ct512() {
        return SharedTestData.dicom().resolve("CT1_UNC.explicit_little_endian.dcm");
    }

    /** A UID under the UUID-derived root 2.25 (PS3.5 B.2): unique without a registered root. */
    public static String newUid() {
        UUID u = UUID.randomUUID();
        BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    /** Writes a copy of the real CT slice with these UIDs and study date. */
    public static Path ct(Path target, String studyUid, String seriesUid, String sopUid, LocalDate studyDate) {
        return derive(ctSmall(), target, list -> {
            put(list, TagFromName.StudyInstanceUID, studyUid);
            put(list, TagFromName.SeriesInstanceUID, seriesUid);
            put(list, TagFromName.SOPInstanceUID, sopUid);
            date(list, TagFromName.StudyDate, studyDate);
        });
    }

    /** The same real pixels, declared as an MR image (a SOP class the lesion pipeline does not read). */
    public static Path mr(Path target, String studyUid, String seriesUid, String sopUid, LocalDate studyDate) {
        return derive(ctSmall(), target, list -> {
            put(list, TagFromName.StudyInstanceUID, studyUid);
            put(list, TagFromName.SeriesInstanceUID, seriesUid);
            put(list, TagFromName.SOPInstanceUID, sopUid);
            put(list, TagFromName.SOPClassUID, MR_IMAGE_STORAGE);
            code(list, TagFromName.Modality, "MR");
            date(list, TagFromName.StudyDate, studyDate);
        });
    }

    /** Reads {@code source}, applies {@code edit}, writes explicit VR little endian with fresh file meta information. */
    public static Path derive(Path source, Path target, Consumer<AttributeList> edit) {
        try {
            AttributeList list = new AttributeList();
            list.read(source.toFile());
            edit.accept(list);
            list.removeGroupLengthAttributes();
            list.removeMetaInformationHeaderAttributes();
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "LESIONSEARCH");
            list.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
            return target;
        } catch (IOException | DicomException e) {
            throw new IllegalStateException("cannot derive " + target + " from " + source, e);
        }
    }

    public static void put(AttributeList list, AttributeTag tag, String uid) {
        try {
            UniqueIdentifierAttribute a = new UniqueIdentifierAttribute(tag);
            a.addValue(uid);
            list.put(a);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void code(AttributeList list, AttributeTag tag, String value) {
        try {
            CodeStringAttribute a = new CodeStringAttribute(tag);
            a.addValue(value);
            list.put(a);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void date(AttributeList list, AttributeTag tag, LocalDate value) {
        try {
            DateAttribute a = new DateAttribute(tag);
            a.addValue(value.format(DateTimeFormatter.BASIC_ISO_DATE));
            list.put(a);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }
}
