package org.lesionsearch.server.api.example;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import org.lesionsearch.indexer.deeplesion.Png16Decoder;
import org.lesionsearch.indexer.dicom.DicomData;
import org.lesionsearch.indexer.dicom.DicomInstance;
import org.lesionsearch.indexer.dicom.DicomReader;
import org.lesionsearch.indexer.dicom.InvalidDicomException;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.patch.HuWindow;
import org.lesionsearch.indexer.patch.SliceReadException;

/**
 * A CT slice a user uploaded to search by example, in Hounsfield units: a DICOM instance (HU from
 * its rescale, spacing from Pixel Spacing), a 16-bit grayscale PNG as DeepLesion stores slices
 * ({@code HU = value - 32768}, spacing given by the user), or an 8-bit picture, which has no HU
 * and is read as a soft-tissue window ({@link HuWindow#SOFT_TISSUE}).
 *
 * @param format {@code dicom}, {@code png16} or {@code png8}
 * @param spacingFromFile whether the pixel spacing came from the file rather than the user
 */
public record UploadedSlice(HuSlice slice, String format, boolean spacingFromFile) {

    /** Larger slices are refused before their pixels are decoded (CT slices are 512 or 1024 pixels wide). */
    public static final int MAX_SIDE = 4096;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Why an upload cannot be used; the message says what the file is and what was expected. */
    public static final class UnreadableSlice extends Exception {
        private final boolean unsupportedType;

        UnreadableSlice(String message, boolean unsupportedType) {
            super(message);
            this.unsupportedType = unsupportedType;
        }

        /** Neither PNG nor DICOM (415), rather than a broken PNG or DICOM file (422). */
        public boolean unsupportedType() {
            return unsupportedType;
        }
    }

    /**
     * @param name what to call the upload in messages
     * @param spacingMm mm per pixel for pictures without spacing (PNG)
     */
    public static UploadedSlice read(byte[] bytes, String name, double spacingMm) throws UnreadableSlice {
        if (bytes.length == 0) {
            throw new UnreadableSlice("the upload is empty: send the PNG or DICOM file as the request body", true);
        }
        if (isPng(bytes)) {
            return png(bytes, name, spacingMm);
        }
        if (isDicom(bytes)) {
            return dicom(bytes, name);
        }
        throw new UnreadableSlice(name + " is neither a PNG nor a DICOM file (expected a PNG signature or 'DICM' at byte 128)", true);
    }

    static boolean isPng(byte[] b) {
        if (b.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (b[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isDicom(byte[] b) {
        return b.length > 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M';
    }

    private static UploadedSlice png(byte[] bytes, String name, double spacingMm) throws UnreadableSlice {
        if (bytes.length < 33) {
            throw new UnreadableSlice(name + ": truncated PNG (no image header)", false);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 10);
        long width = Integer.toUnsignedLong(header.getInt()), height = Integer.toUnsignedLong(header.getInt());
        int bitDepth = header.get() & 0xff, colourType = header.get() & 0xff;
        checkSize(name, width, height);
        if (bitDepth == 16 && colourType == 0) {
            try {
                Png16Decoder.Gray16 gray = Png16Decoder.decode(bytes, name);
                float[] hu = new float[gray.samples().length];
                for (int i = 0; i < hu.length; i++) {
                    hu[i] = gray.samples()[i] - 32768f;
                }
                return new UploadedSlice(new HuSlice(name, gray.width(), gray.height(), hu, spacingMm, spacingMm), "png16", false);
            } catch (SliceReadException e) {
                throw new UnreadableSlice(e.getMessage(), false);
            }
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSlice(name + ": not a readable PNG (" + e.getMessage() + ")", false);
        }
        if (image == null) {
            throw new UnreadableSlice(name + ": not a readable PNG", false);
        }
        HuWindow window = HuWindow.SOFT_TISSUE;
        float[] hu = new float[image.getWidth() * image.getHeight()];
        // grey pictures are read as stored: getRGB would pass them through a gamma conversion
        boolean grey = image.getRaster().getNumBands() <= 2 && image.getColorModel().getNumColorComponents() == 1;
        double greyMax = (1 << image.getColorModel().getComponentSize(0)) - 1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double level;
                if (grey) {
                    level = image.getRaster().getSample(x, y, 0) / greyMax;
                } else {
                    int rgb = image.getRGB(x, y);
                    level = (0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
                }
                hu[y * image.getWidth() + x] = (float) (window.low() + level * (window.high() - window.low()));
            }
        }
        return new UploadedSlice(new HuSlice(name, image.getWidth(), image.getHeight(), hu, spacingMm, spacingMm), "png8", false);
    }

    private static UploadedSlice dicom(byte[] bytes, String name) throws UnreadableSlice {
        DicomReader reader = new DicomReader();
        DicomData data = DicomData.of(name, bytes);
        try {
            DicomInstance instance = reader.readInstance(data);
            if (!instance.hasPixelData()) {
                throw new UnreadableSlice(name + ": the DICOM file has no pixel data (7FE0,0010)", false);
            }
            checkSize(name, instance.columns(), instance.rows());
            return new UploadedSlice(reader.readSlice(data), "dicom", true);
        } catch (InvalidDicomException e) {
            throw new UnreadableSlice(e.getMessage(), false);
        }
    }

    private static void checkSize(String name, long width, long height) throws UnreadableSlice {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new UnreadableSlice(name + ": a " + width + "x" + height + " image; slices up to " + MAX_SIDE + "x"
                    + MAX_SIDE + " pixels are accepted", false);
        }
    }
}
