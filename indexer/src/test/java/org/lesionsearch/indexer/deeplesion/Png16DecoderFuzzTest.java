package org.lesionsearch.indexer.deeplesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.patch.SliceReadException;

/**
 * Hostile PNG input: a real DeepLesion slice with bytes changed at random and its chunk checksums
 * made right again (so that the damage reaches the decoder rather than stopping at the CRC), and
 * crafted decompression bombs. The decoder answers an image of the declared size or a
 * {@link SliceReadException} naming the file, and never allocates for a size it will not decode.
 */
class Png16DecoderFuzzTest {

    private static final byte[] REAL = real();

    private static byte[] real() {
        try {
            return Files.readAllBytes(SharedTestData.deepLesion().resolve("Images_png/000069_02_01/058.png"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 300)
    void damagedSlicesDecodeOrFailNamingTheFile(@ForAll("damage") List<int[]> changes, @ForAll boolean truncate,
            @ForAll("fraction") double keep) {
        byte[] png = REAL.clone();
        for (int[] c : changes) {
            png[8 + Math.floorMod(c[0], png.length - 8)] = (byte) c[1];
        }
        if (truncate) {
            png = Arrays.copyOf(png, Math.max(8, (int) (png.length * keep)));
        }
        fixChecksums(png);
        try {
            Png16Decoder.Gray16 image = Png16Decoder.decode(png, "fuzzed.png");
            assertThat(image.samples()).hasSize(image.width() * image.height());
        } catch (SliceReadException e) {
            assertThat(e.getMessage()).startsWith("fuzzed.png");
        }
    }

    @Test
    void aTinyFileDeclaringAHugeImageIsRefusedBeforeAnythingIsAllocated() {
        // 16384 x 16384 x 16 bit: 512 MiB of pixels from a file of a few hundred bytes
        byte[] bomb = png(16384, 16384, new byte[1 << 16]);
        assertThat(bomb.length).isLessThan(2_000);
        long before = usedMemory();
        assertThatThrownBy(() -> Png16Decoder.decode(bomb, "bomb.png")).isInstanceOf(SliceReadException.class)
                .hasMessageStartingWith("bomb.png").hasMessageContaining("16384x16384");
        assertThat(usedMemory() - before).isLessThan(64L << 20);
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Provide
    Arbitrary<List<int[]>> damage() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 255))
                .as((at, value) -> new int[] {at, value}).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    /** A 16-bit grey PNG with the given header and the raw (already filtered) scanlines deflated. */
    static byte[] png(int width, int height, byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 16).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[raw.length + 1024];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Recomputes the CRC of every complete chunk, walking the chunk lengths as they now are. */
    private static void fixChecksums(byte[] png) {
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            if (length < 0 || (long) pos + 12 + length > png.length) {
                return;
            }
            CRC32 crc = new CRC32();
            crc.update(png, pos + 4, length + 4);
            ByteBuffer.wrap(png, pos + 8 + length, 4).putInt((int) crc.getValue());
            pos += 12 + length;
        }
    }
}
