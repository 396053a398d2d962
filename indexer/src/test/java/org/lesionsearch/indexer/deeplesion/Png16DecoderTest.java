package org.lesionsearch.indexer.deeplesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.patch.SliceReadException;

class Png16DecoderTest {

    @Test
    void decodesEveryRealDeepLesionSliceExactlyAsTheJdkReader() throws IOException {
        List<Path> slices;
        try (Stream<Path> files = Files.walk(SharedTestData.deepLesion().resolve("Images_png"))) {
            slices = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(slices).hasSize(23);
        for (Path png : slices) {
            Png16Decoder.Gray16 ours = Png16Decoder.decode(Files.readAllBytes(png), png.toString());
            assertThat(ours.samples()).as(png.toString()).isEqualTo(jdkSamples(ImageIO.read(png.toFile())));
        }
    }

    @Test
    void realSlicesHoldPlausibleHounsfieldUnits() throws IOException {
        Path png = SharedTestData.deepLesion().resolve("Images_png/000069_02_01/058.png");
        char[] s = Png16Decoder.decode(Files.readAllBytes(png), png.toString()).samples();
        // an abdominal slice: air around the body, soft tissue near the centre
        assertThat(s[0] - 32768).isLessThan(-900);
        double centre = 0;
        for (int y = 246; y < 266; y++) {
            for (int x = 246; x < 266; x++) {
                centre += s[y * 512 + x] - 32768;
            }
        }
        assertThat(centre / 400).isBetween(-200.0, 300.0);
    }

    @Property(tries = 60)
    void decodesWhatTheJdkWriterWrites(@ForAll @IntRange(min = 1, max = 70) int width,
            @ForAll @IntRange(min = 1, max = 70) int height, @ForAll long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        Random random = new Random(seed);
        short[] data = new short[width * height];
        // smooth ramps with noise make the writer choose every row filter
        int base = random.nextInt(65536), dx = random.nextInt(2000) - 1000, dy = random.nextInt(2000) - 1000;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                data[y * width + x] = (short) (base + x * dx + y * dy + (random.nextInt(8) == 0 ? random.nextInt(65536) : 0));
            }
        }
        image.getRaster().setDataElements(0, 0, width, height, data);
        byte[] png = png(image);
        Png16Decoder.Gray16 decoded = Png16Decoder.decode(png, "generated.png");
        assertThat(decoded.width()).isEqualTo(width);
        assertThat(decoded.height()).isEqualTo(height);
        assertThat(decoded.samples()).isEqualTo(jdkSamples(image));
    }

    @Test
    void refusesATruncatedFileSayingSo() throws IOException {
        byte[] png = Files.readAllBytes(SharedTestData.deepLesion().resolve("Images_png/000069_02_01/058.png"));
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> Png16Decoder.decode(cut, "cut.png"))
                .isInstanceOf(SliceReadException.class)
                .hasMessage("cut.png: truncated PNG (the file ends before the image data is complete)");
    }

    @Test
    void refusesAnEightBitPngNamingItsKind() throws IOException {
        byte[] png = png(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY));
        assertThatThrownBy(() -> Png16Decoder.decode(png, "eight.png"))
                .hasMessage("eight.png: 8-bit grayscale PNG; DeepLesion slices are 16-bit grayscale (HU + 32768)");
        byte[] rgb = png(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
        assertThatThrownBy(() -> Png16Decoder.decode(rgb, "rgb.png")).hasMessageStartingWith("rgb.png: 8-bit RGB PNG");
    }

    @Test
    void refusesCorruptBytesAndOtherFiles() throws IOException {
        byte[] png = png(new BufferedImage(16, 16, BufferedImage.TYPE_USHORT_GRAY));
        byte[] flipped = png.clone();
        flipped[png.length - 20] ^= 0x5a;
        assertThatThrownBy(() -> Png16Decoder.decode(flipped, "bad.png")).hasMessageStartingWith("bad.png: corrupt PNG");
        assertThatThrownBy(() -> Png16Decoder.decode("hello".getBytes(), "text.png"))
                .hasMessage("text.png: not a PNG file (bad signature)");
    }

    static char[] jdkSamples(BufferedImage image) {
        short[] s = new short[image.getWidth() * image.getHeight()];
        image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), s);
        char[] out = new char[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (char) s[i];
        }
        return out;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
