package org.lesionsearch.indexer.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.dicomweb.DicomTestFiles;
import org.lesionsearch.indexer.patch.HuSlice;

/**
 * Hostile DICOM input: the real CT_small.dcm with bytes changed and cut at random, a declared
 * Pixel Data length far beyond the file, and Rows x Columns far beyond any CT slice. Each is read
 * or refused with an {@link InvalidDicomException} naming the file, in bounded memory.
 */
class DicomReaderFuzzTest {

    private static final byte[] REAL = real();

    @TempDir
    Path tmp;

    private static byte[] real() {
        try {
            return Files.readAllBytes(SharedTestData.dicom().resolve("CT_small.dcm"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeContainer
    static void warm() {
        // PixelMed's dictionaries load on first use; not part of any try
        try {
            new DicomReader().readSlice(DicomData.of("warm.dcm", REAL));
        } catch (InvalidDicomException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 400)
    void damagedFilesAreReadOrRefusedNamingTheFile(@ForAll("damage") List<int[]> changes, @ForAll boolean truncate,
            @ForAll("fraction") double keep) {
        byte[] dicom = REAL.clone();
        for (int[] c : changes) {
            // the preamble is free-form; damage what follows it
            dicom[128 + Math.floorMod(c[0], dicom.length - 128)] = (byte) c[1];
        }
        if (truncate) {
            dicom = Arrays.copyOf(dicom, Math.max(0, (int) (dicom.length * keep)));
        }
        DicomReader reader = new DicomReader();
        DicomData data = DicomData.of("fuzzed.dcm", dicom);
        try {
            reader.readInstance(data);
        } catch (InvalidDicomException e) {
            assertThat(e.getMessage()).startsWith("fuzzed.dcm");
        }
        try {
            HuSlice slice = reader.readSlice(data);
            assertThat(slice.width() * slice.height()).isPositive();
        } catch (InvalidDicomException e) {
            assertThat(e.getMessage()).startsWith("fuzzed.dcm");
        }
    }

    @Test
    void absurdRowsAndColumnsAreRefusedBeforeThePixelsAreAllocated() {
        for (int[] size : List.of(new int[] {65535, 65535}, new int[] {40000, 40000}, new int[] {5000, 128})) {
            Path file = DicomTestFiles.derive(SharedTestData.dicom().resolve("CT_small.dcm"), tmp.resolve("big-" + size[0] + ".dcm"),
                    list -> put(list, size[0], size[1]));
            long before = usedMemory();
            assertThatThrownBy(() -> new DicomReader().readSlice(DicomData.of(file)))
                    .isInstanceOf(InvalidDicomException.class).hasMessageContaining(file.getFileName().toString())
                    .hasMessageContaining("Rows");
            assertThat(usedMemory() - before).isLessThan(256L << 20);
        }
    }

    @Test
    void aPixelDataLengthBeyondTheFileIsRefused() {
        byte[] dicom = REAL.clone();
        int at = pixelDataTag(dicom);
        // explicit VR little endian: tag, 'OW', two reserved bytes, then a four-byte length
        ByteBuffer.wrap(dicom, at + 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0x7FFF_FFF0);
        long before = usedMemory();
        assertThatThrownBy(() -> new DicomReader().readSlice(DicomData.of("long.dcm", dicom)))
                .isInstanceOf(InvalidDicomException.class).hasMessageStartingWith("long.dcm");
        assertThat(usedMemory() - before).isLessThan(256L << 20);
    }

    private static void put(AttributeList list, int rows, int columns) {
        try {
            UnsignedShortAttribute r = new UnsignedShortAttribute(TagFromName.Rows);
            r.addValue(rows);
            list.put(r);
            UnsignedShortAttribute c = new UnsignedShortAttribute(TagFromName.Columns);
            c.addValue(columns);
            list.put(c);
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int pixelDataTag(byte[] b) {
        for (int i = 132; i + 12 < b.length; i++) {
            if (b[i] == (byte) 0xE0 && b[i + 1] == 0x7F && b[i + 2] == 0x10 && b[i + 3] == 0x00 && b[i + 4] == 'O') {
                return i;
            }
        }
        throw new IllegalStateException("no Pixel Data element in CT_small.dcm");
    }

    private static long usedMemory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Provide
    Arbitrary<List<int[]>> damage() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 255))
                .as((at, value) -> new int[] {at, value}).list().ofMinSize(1).ofMaxSize(16);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }
}
