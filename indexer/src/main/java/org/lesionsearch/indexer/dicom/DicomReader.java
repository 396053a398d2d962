package org.lesionsearch.indexer.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.patch.HuWindow;

/**
 * Reads DICOM instances with PixelMed, from files or bytes: the attributes alone (stopping
 * before the pixels, for scanning folders), the whole data set (for SR documents), or a CT
 * slice in Hounsfield units. Transfer syntaxes: implicit and explicit VR little endian,
 * explicit VR big endian, RLE, and JPEG-Lossless through the TwelveMonkeys ImageIO plugin,
 * which PixelMed finds by service lookup.
 */
public final class DicomReader {

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    /** Largest slice side read; CT slices are 512 or 1024 pixels. */
    static final int MAX_SIDE = 4096;

    static {
        // PixelMed asks ImageIO for a JPEG-Lossless reader; make sure TwelveMonkeys' is registered even when
        // ImageIO was first used under another class loader (a server thread, a shaded jar)
        ImageIO.scanForPlugins();
    }

    /** The attributes before the pixel data; the pixels are not read. */
    public DicomInstance readInstance(DicomData data) throws InvalidDicomException {
        AttributeList list = new AttributeList();
        long stoppedAt;
        long size;
        boolean[] pixelDataSeen = {false};
        try (DicomInputStream in = new DicomInputStream(new BufferedInputStream(data.open()))) {
            size = data.size();
            stoppedAt = list.read(in, (attributes, tag, bytesRead) -> {
                if (tag.equals(TagFromName.PixelData)) {
                    pixelDataSeen[0] = true;
                }
                return pixelDataSeen[0];
            });
        } catch (IOException | DicomException | RuntimeException e) {
            throw unreadable(data, e);
        }
        if (!pixelDataSeen[0] && stoppedAt < size) {
            // PixelMed stops quietly at an early end of file, inside an attribute
            throw new InvalidDicomException(data.name() + ": truncated DICOM file (the data set breaks off at byte "
                    + stoppedAt + " of " + size + ")");
        }
        return instance(data, list, pixelDataSeen[0] || list.get(TagFromName.PixelData) != null);
    }

    /** The whole data set, pixels decompressed. */
    public AttributeList readAll(DicomData data) throws InvalidDicomException {
        AttributeList list = new AttributeList();
        try (InputStream raw = data.open(); DicomInputStream in = new DicomInputStream(new BufferedInputStream(raw))) {
            list.read(in);
        } catch (IOException | DicomException | RuntimeException e) {
            throw unreadable(data, e);
        } catch (OutOfMemoryError e) {
            throw new InvalidDicomException(data.name() + ": the DICOM data set declares a value larger than memory allows");
        }
        return list;
    }

    /** One CT slice in HU: stored values, signed when Pixel Representation is 1, times slope plus intercept. */
    public HuSlice readSlice(DicomData data) throws InvalidDicomException {
        AttributeList list = readAll(data);
        if (list.getPixelData() == null && readInstance(data).hasPixelData()) {
            // PixelMed drops a Pixel Data element it cannot read in full and carries on
            throw new InvalidDicomException(data.name() + ": not a readable DICOM file (the Pixel Data (7FE0,0010) is truncated or corrupt)");
        }
        return toHu(list, data.name());
    }

    static HuSlice toHu(AttributeList list, String name) throws InvalidDicomException {
        Attribute pixels = list.getPixelData();
        if (pixels == null) {
            throw new InvalidDicomException(name + ": no Pixel Data (7FE0,0010)");
        }
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        int frames = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1);
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bitsAllocated);
        int representation = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0);
        double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1.0);
        double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0.0);
        double[] spacing = doubles(list, TagFromName.PixelSpacing);
        if (rows < 1 || columns < 1) {
            throw new InvalidDicomException(name + ": Rows (0028,0010) and Columns (0028,0011) must be positive, were " + rows + " and " + columns);
        }
        if (rows > MAX_SIDE || columns > MAX_SIDE) {
            // checked before any pixel array is made: a forged header must not decide how much memory is taken
            throw new InvalidDicomException(name + ": Rows (0028,0010) x Columns (0028,0011) = " + rows + " x " + columns
                    + " is not a CT slice; at most " + MAX_SIDE + " x " + MAX_SIDE + " is read");
        }
        if (samples != 1) {
            throw new InvalidDicomException(name + ": " + samples + " samples per pixel; a CT slice has one");
        }
        if (frames != 1) {
            throw new InvalidDicomException(name + ": multi-frame instance (" + frames + " frames); one slice per instance is supported");
        }
        if (bitsAllocated != 16 && bitsAllocated != 8 || bitsStored < 1 || bitsStored > bitsAllocated) {
            throw new InvalidDicomException(name + ": unsupported pixel layout, Bits Allocated " + bitsAllocated + ", Bits Stored " + bitsStored);
        }
        if (spacing == null || spacing.length != 2 || !(spacing[0] > 0 && spacing[1] > 0)) {
            throw new InvalidDicomException(name + ": Pixel Spacing (0028,0030) is missing or not positive");
        }
        if (!(Double.isFinite(slope) && Double.isFinite(intercept)) || slope == 0) {
            throw new InvalidDicomException(name + ": Rescale Slope/Intercept (0028,1053)/(0028,1052) are not usable: " + slope + ", " + intercept);
        }
        int n = rows * columns;
        int[] stored = new int[n];
        try {
            if (bitsAllocated == 16) {
                short[] v = pixels.getShortValues();
                require(v != null && v.length >= n, name, v == null ? 0 : v.length, n);
                for (int i = 0; i < n; i++) {
                    stored[i] = v[i];
                }
            } else {
                byte[] v = pixels.getByteValues();
                require(v != null && v.length >= n, name, v == null ? 0 : v.length, n);
                for (int i = 0; i < n; i++) {
                    stored[i] = v[i];
                }
            }
        } catch (DicomException e) {
            throw new InvalidDicomException(name + ": cannot read the pixel data (" + e.getMessage() + ")", e);
        }
        float[] hu = new float[n];
        int shift = 32 - bitsStored;
        int mask = bitsStored == 32 ? -1 : (1 << bitsStored) - 1;
        for (int i = 0; i < n; i++) {
            // keep the stored bits only; sign-extend from the top stored bit for signed pixels
            int v = representation == 1 ? (stored[i] << shift) >> shift : stored[i] & mask;
            hu[i] = (float) (v * slope + intercept);
        }
        return new HuSlice(name, columns, rows, hu, spacing[1], spacing[0]);
    }

    private static void require(boolean ok, String name, int got, int expected) throws InvalidDicomException {
        if (!ok) {
            throw new InvalidDicomException(name + ": pixel data holds " + got + " values, fewer than Rows x Columns = " + expected);
        }
    }

    private static DicomInstance instance(DicomData data, AttributeList list, boolean hasPixelData) {
        LocalDate studyDate = date(text(list, TagFromName.StudyDate));
        Double thickness = list.get(TagFromName.SliceThickness) == null ? null
                : Attribute.getSingleDoubleValueOrDefault(list, TagFromName.SliceThickness, Double.NaN);
        double[] center = doubles(list, TagFromName.WindowCenter), width = doubles(list, TagFromName.WindowWidth);
        HuWindow window = null;
        if (center != null && width != null && center.length > 0 && width.length > 0 && width[0] > 1) {
            window = HuWindow.fromCenterWidth(center[0], width[0]);
        }
        int instanceNumber = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.InstanceNumber, Integer.MIN_VALUE);
        return new DicomInstance(data,
                text(list, TagFromName.SOPClassUID),
                text(list, TagFromName.SOPInstanceUID),
                text(list, TagFromName.StudyInstanceUID),
                text(list, TagFromName.SeriesInstanceUID),
                text(list, TagFromName.Modality).toUpperCase(Locale.ROOT),
                text(list, TagFromName.PatientID),
                sex(text(list, TagFromName.PatientSex)),
                age(text(list, TagFromName.PatientAge), date(text(list, TagFromName.PatientBirthDate)), studyDate),
                studyDate,
                instanceNumber == Integer.MIN_VALUE ? null : instanceNumber,
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0),
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0),
                doubles(list, TagFromName.PixelSpacing),
                doubles(list, TagFromName.ImagePositionPatient),
                doubles(list, TagFromName.ImageOrientationPatient),
                thickness != null && Double.isFinite(thickness) && thickness > 0 ? thickness : null,
                window,
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1),
                hasPixelData);
    }

    /** Age in whole years from Patient's Age (AS: 045Y, 006M, 003W, 010D), else from birth and study dates. */
    static Integer age(String as, LocalDate birth, LocalDate study) {
        if (as.matches("\\d{3}[YMWD]")) {
            int n = Integer.parseInt(as.substring(0, 3));
            return switch (as.charAt(3)) {
                case 'Y' -> n;
                case 'M' -> n / 12;
                case 'W' -> n / 52;
                default -> n / 365;
            };
        }
        if (birth != null && study != null && !birth.isAfter(study)) {
            return Period.between(birth, study).getYears();
        }
        return null;
    }

    private static Sex sex(String text) {
        try {
            return Sex.parse(text);
        } catch (IllegalArgumentException e) {
            return Sex.UNKNOWN;
        }
    }

    private static LocalDate date(String da) {
        if (da.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(da.substring(0, 8), DA);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    private static double[] doubles(AttributeList list, AttributeTag tag) {
        Attribute a = list.get(tag);
        if (a == null || a.getVM() == 0) {
            return null;
        }
        try {
            return a.getDoubleValues();
        } catch (DicomException | NumberFormatException e) {
            return null;
        }
    }

    private static InvalidDicomException unreadable(DicomData data, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new InvalidDicomException(data.name() + ": not a readable DICOM file (" + detail + ")", e);
    }
}
