package org.lesionsearch.indexer.patch;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an 8-bit RGB PNG from a {@code TYPE_3BYTE_BGR} image with the Sub row filter and fast
 * deflate. Thumbnails are made for every lesion in the decode stage, where the JDK's writer,
 * which tries every filter on every row, cost more than decoding a slice.
 */
final class RgbPngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte FILTER_SUB = 1;

    private RgbPngEncoder() {
    }

    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("expected a TYPE_3BYTE_BGR image, got type " + image.getType());
        }
        int w = image.getWidth(), h = image.getHeight(), stride = 3 * w;
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] raw = new byte[h * (1 + stride)];
        for (int y = 0; y < h; y++) {
            int o = y * (1 + stride), in = y * stride;
            raw[o] = FILTER_SUB;
            int prevR = 0, prevG = 0, prevB = 0;
            for (int x = 0; x < w; x++) {
                int b = bgr[in + 3 * x] & 0xff, g = bgr[in + 3 * x + 1] & 0xff, r = bgr[in + 3 * x + 2] & 0xff;
                raw[o + 1 + 3 * x] = (byte) (r - prevR);
                raw[o + 2 + 3 * x] = (byte) (g - prevG);
                raw[o + 3 + 3 * x] = (byte) (b - prevB);
                prevR = r;
                prevG = g;
                prevB = b;
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        byte[] compressed;
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream(raw.length / 2);
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                z.write(buffer, 0, deflater.deflate(buffer));
            }
            compressed = z.toByteArray();
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length + 64);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, w);
        putInt(header, 4, h);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB; compression, filter and interlace methods 0
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", compressed);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
