package org.lesionsearch.server.api.example;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.patch.HuWindow;
import org.lesionsearch.server.api.error.ApiException;

/**
 * An uploaded slice as the browser can show it for drawing the lesion on: an 8-bit PNG in a
 * reading window, pixel for pixel the slice (so that what is drawn on it is in slice pixels).
 * Browsers cannot show DICOM, and show a 16-bit DeepLesion PNG as an almost uniform grey.
 *
 * @param image the PNG as a {@code data:} URL
 */
public record SlicePreview(String format, int width, int height, double spacingMm, boolean spacingFromFile,
        String window, String image) {

    /** The reading windows the page offers. */
    static HuWindow window(String name) {
        return switch (name == null ? "soft" : name.trim().toLowerCase(Locale.ROOT)) {
            case "soft", "soft-tissue", "abdomen" -> HuWindow.SOFT_TISSUE;
            case "lung" -> new HuWindow(-1350, 150);
            case "bone" -> new HuWindow(-450, 1050);
            default -> throw ApiException.badRequest("window", "window must be soft, lung or bone, was '" + name + "'");
        };
    }

    static SlicePreview of(UploadedSlice upload, String windowName) {
        HuSlice slice = upload.slice();
        HuWindow window = window(windowName);
        BufferedImage image = new BufferedImage(slice.width(), slice.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        float[] hu = slice.hu();
        for (int i = 0; i < hu.length; i++) {
            pixels[i] = (byte) Math.round(255 * window.apply(hu[i]));
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(hu.length / 2);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a preview PNG in memory failed", e);
        }
        return new SlicePreview(upload.format(), slice.width(), slice.height(), slice.spacingX(), upload.spacingFromFile(),
                windowName == null ? "soft" : windowName.trim().toLowerCase(Locale.ROOT),
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
    }
}
