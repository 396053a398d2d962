package org.lesionsearch.indexer.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.lesionsearch.indexer.SharedTestData;

/**
 * Real CT slices from {@code shared/data/dicom} rewritten with other UIDs, positions or
 * attributes (pixels untouched unless asked), to build series from real images.
 */
public final class CtFixtures {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private CtFixtures() {
    }

    public static Path ctSmall() {
        return SharedTestData.dicom().resolve("CT_small.dcm");
    }

    public static Path ct512() {
        return SharedTestData.dicom().resolve("CT1_UNC.explicit_little_endian.dcm");
    }

    /** A fresh UID under this test's root. */
    public static String uid() {
        return "1.2.826.0.1.3680043.10.1078." + NEXT.incrementAndGet();
    }

    /** Reads a real slice to edit it. */
    public static Edit from(Path real) {
        AttributeList list = new AttributeList();
        try {
            list.read(real.toFile());
        } catch (IOException | DicomException e) {
            throw new IllegalStateException(e);
        }
        return new Edit(list);
    }

    /** Changes to one slice, then {@link #write}. */
    public static final class Edit {
        private final AttributeList list;

        Edit(AttributeList list) {
            this.list = list;
        }

        public AttributeList attributes() {
            return list;
        }

        public Edit uids(String study, String series, String sop) {
            put(new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), study);
            put(new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), series);
            return put(new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), sop);
        }

        public Edit patient(String id) {
            return put(new LongStringAttribute(TagFromName.PatientID), id);
        }

        public Edit modality(String modality) {
            return put(new CodeStringAttribute(TagFromName.Modality), modality);
        }

        public Edit instanceNumber(int n) {
            return put(new IntegerStringAttribute(TagFromName.InstanceNumber), Integer.toString(n));
        }

        /** Image Position (Patient) with the position's z, keeping x and y of the real slice. */
        public Edit z(double z) {
            try {
                double[] p = list.get(TagFromName.ImagePositionPatient).getDoubleValues();
                Attribute a = new DecimalStringAttribute(TagFromName.ImagePositionPatient);
                a.addValue(p[0]);
                a.addValue(p[1]);
                a.addValue(z);
                list.put(a);
                return this;
            } catch (DicomException e) {
                throw new IllegalStateException(e);
            }
        }

        public Edit set(AttributeTag tag, Attribute value) {
            list.put(tag, value);
            return this;
        }

        public Edit remove(AttributeTag tag) {
            list.remove(tag);
            return this;
        }

        /** Adds {@code delta} HU to every pixel, so that slices can be told apart. */
        public Edit shiftPixels(int delta) {
            try {
                short[] v = list.getPixelData().getShortValues();
                for (int i = 0; i < v.length; i++) {
                    v[i] += (short) delta;
                }
                return this;
            } catch (DicomException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Writes the slice as explicit VR little endian with fresh file meta information. */
        public Path write(Path file) {
            try {
                list.removeGroupLengthAttributes();
                list.removeMetaInformationHeaderAttributes();
                FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "LESIONSEARCH");
                list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DicomException e) {
                throw new IllegalStateException(e);
            }
        }

        private Edit put(Attribute a, String value) {
            try {
                a.addValue(value);
            } catch (DicomException e) {
                throw new IllegalStateException(e);
            }
            list.put(a);
            return this;
        }
    }
}
