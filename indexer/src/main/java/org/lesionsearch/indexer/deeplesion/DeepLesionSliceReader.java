package org.lesionsearch.indexer.deeplesion;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.patch.SliceReadException;

/** Reads DeepLesion slices: 16-bit grayscale PNGs holding {@code HU + 32768}. */
public final class DeepLesionSliceReader {

    /** DeepLesion stores {@code HU + 32768} so that air and metal fit an unsigned 16-bit PNG. */
    public static final int HU_OFFSET = 32768;

    /** Which PNG decoder reads the slices. */
    public enum Decoder {
        /** {@link Png16Decoder}, for ingest. */
        FAST,
        /** The JDK's general ImageIO reader, the baseline of the ingest benchmark. */
        JDK_IMAGEIO
    }

    private final Decoder decoder;

    public DeepLesionSliceReader() {
        this(Decoder.FAST);
    }

    public DeepLesionSliceReader(Decoder decoder) {
        this.decoder = decoder;
    }

    public HuSlice read(Path png, double spacingX, double spacingY) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(png);
        } catch (NoSuchFileException e) {
            throw new SliceReadException(png + ": missing slice file");
        }
        Png16Decoder.Gray16 image = decoder == Decoder.FAST ? Png16Decoder.decode(bytes, png.toString()) : jdk(bytes, png);
        char[] samples = image.samples();
        float[] hu = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            hu[i] = samples[i] - HU_OFFSET;
        }
        return new HuSlice(png.toString(), image.width(), image.height(), hu, spacingX, spacingY);
    }

    private static Png16Decoder.Gray16 jdk(byte[] bytes, Path png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null || !(image.getRaster().getDataBuffer() instanceof DataBufferUShort)) {
            throw new SliceReadException(png + ": not a 16-bit grayscale PNG");
        }
        short[] data = new short[image.getWidth() * image.getHeight()];
        image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), data);
        char[] samples = new char[data.length];
        for (int i = 0; i < data.length; i++) {
            samples[i] = (char) data[i];
        }
        return new Png16Decoder.Gray16(image.getWidth(), image.getHeight(), samples);
    }
}
