package org.lesionsearch.indexer.dicomweb;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The identifying attributes of one DICOM instance file (PS3.10: 128-byte preamble, "DICM",
 * file meta information, data set), read with PixelMed. Reading the whole data set also
 * proves the file is complete.
 *
 * @param sopClassUid empty when absent
 * @param sopInstanceUid empty when absent
 * @param studyUid empty when absent
 * @param seriesUid empty when absent
 * @param modality empty when absent
 */
public record DicomInstanceHeader(
        String sopClassUid,
        String sopInstanceUid,
        String studyUid,
        String seriesUid,
        String modality,
        boolean hasPixelData) {

    private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);

    /**
     * Reads a PS3.10 file.
     *
     * @throws DicomReadException naming the file and what is wrong with it
     */
    public static DicomInstanceHeader read(Path file) throws DicomReadException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DicomReadException(file + ": cannot read: " + e.getMessage());
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] head = in.readNBytes(132);
            if (head.length < 132 || !Arrays.equals(head, 128, 132, MAGIC, 0, 4)) {
                throw new DicomReadException(file + ": not a DICOM file (no DICM prefix)");
            }
        } catch (IOException e) {
            throw new DicomReadException(file + ": cannot read: " + e.getMessage());
        }
        AttributeList list = new AttributeList();
        long declared;
        try {
            // From a File: PixelMed's count of declared bytes is only reliable over a FileInputStream.
            declared = list.read(file.toFile());
        } catch (IOException | DicomException | RuntimeException e) {
            // PixelMed reports truncation as EOF or as a negative or oversized value length.
            throw new DicomReadException(file + ": unreadable DICOM data set (" + size + " bytes): " + describe(e));
        } catch (OutOfMemoryError e) {
            throw new DicomReadException(file + ": DICOM data set declares a value larger than memory allows");
        }
        // PixelMed stops quietly at the end of a cut-off file, counting the lengths it was promised.
        if (declared > size) {
            throw new DicomReadException(file + ": truncated DICOM file: " + size + " bytes of the " + declared + " its data set declares");
        }
        return new DicomInstanceHeader(
                text(list, TagFromName.SOPClassUID),
                text(list, TagFromName.SOPInstanceUID),
                text(list, TagFromName.StudyInstanceUID),
                text(list, TagFromName.SeriesInstanceUID),
                text(list, TagFromName.Modality),
                list.get(TagFromName.PixelData) != null);
    }

    private static String text(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
