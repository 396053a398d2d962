package org.lesionsearch.indexer.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.indexer.patch.HuSlice;

class DicomReaderTest {

    @TempDir
    Path tmp;

    private final DicomReader reader = new DicomReader();

    @Test
    void readsTheAttributesOfARealCtSliceWithoutItsPixels() throws Exception {
        DicomInstance i = reader.readInstance(DicomData.of(CtFixtures.ctSmall()));
        assertThat(i.sopInstanceUid()).isEqualTo("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322");
        assertThat(i.seriesUid()).isEqualTo("1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322");
        assertThat(i.modality()).isEqualTo("CT");
        assertThat(i.isCt()).isTrue();
        assertThat(i.isStructuredReport()).isFalse();
        assertThat(i.patientId()).isEqualTo("1CT1");
        assertThat(i.sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(i.patientAge()).isZero();
        assertThat(i.studyDate()).isEqualTo(LocalDate.of(2004, 1, 19));
        assertThat(i.rows()).isEqualTo(128);
        assertThat(i.columns()).isEqualTo(128);
        assertThat(i.pixelSpacing()).containsExactly(0.661468, 0.661468);
        assertThat(i.imagePosition()).containsExactly(-158.135803, -179.035797, -75.699997);
        assertThat(i.imageOrientation()).containsExactly(1, 0, 0, 0, 1, 0);
        assertThat(i.sliceThickness()).isEqualTo(5.0);
        assertThat(i.frames()).isEqualTo(1);
        assertThat(i.hasPixelData()).isTrue();
    }

    /** Every transfer syntax, transcoded from the real files by dcmtk, decodes to the HU dcmtk reads. */
    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "CT_small.dcm, explicit little endian",
        "CT_small.dcm, implicit little endian",
        "CT_small.dcm, explicit big endian",
        "CT_small.dcm, RLE",
        "CT_small.dcm, JPEG lossless SV1",
        "CT_small.dcm, JPEG lossless process 14",
        "CT1_UNC.explicit_little_endian.dcm, explicit little endian",
        "CT1_UNC.explicit_little_endian.dcm, implicit little endian",
        "CT1_UNC.explicit_little_endian.dcm, explicit big endian",
        "CT1_UNC.explicit_little_endian.dcm, RLE",
        "CT1_UNC.explicit_little_endian.dcm, JPEG lossless SV1",
        "CT1_UNC.explicit_little_endian.dcm, JPEG lossless process 14",
    })
    void decodesEveryTransferSyntaxToTheRightHu(String file, String syntax) throws Exception {
        Dcmtk.assumeInstalled();
        Path real = org.lesionsearch.indexer.SharedTestData.dicom().resolve(file);
        Path coded = tmp.resolve("coded.dcm");
        switch (syntax) {
            case "explicit little endian" -> Files.copy(real, coded);
            case "implicit little endian" -> Dcmtk.run("dcmconv", "+ti", real.toString(), coded.toString());
            case "explicit big endian" -> Dcmtk.run("dcmconv", "+tb", real.toString(), coded.toString());
            case "RLE" -> Dcmtk.run("dcmcrle", real.toString(), coded.toString());
            case "JPEG lossless SV1" -> Dcmtk.run("dcmcjpeg", "+e1", real.toString(), coded.toString());
            case "JPEG lossless process 14" -> Dcmtk.run("dcmcjpeg", "+el", real.toString(), coded.toString());
            default -> throw new IllegalArgumentException(syntax);
        }
        short[] stored = Dcmtk.rawPixels(real, tmp);
        HuSlice slice = reader.readSlice(DicomData.of(coded));
        assertThat(slice.width() * slice.height()).isEqualTo(stored.length);
        float[] expected = new float[stored.length];
        for (int k = 0; k < stored.length; k++) {
            expected[k] = stored[k] - 1024f; // both files: slope 1, intercept -1024, signed
        }
        assertThat(slice.hu()).isEqualTo(expected);
        assertThat(slice.spacingX()).isEqualTo(0.661468);
    }

    @Test
    void realFilesHoldTheHuTheirScannerWrote() throws Exception {
        HuSlice small = reader.readSlice(DicomData.of(CtFixtures.ctSmall()));
        assertThat(Arrays.copyOf(small.hu(), 4)).containsExactly(-849f, -844f, -858f, -881f);
        HuSlice big = reader.readSlice(DicomData.of(CtFixtures.ct512()));
        float min = Float.MAX_VALUE;
        for (float v : big.hu()) {
            min = Math.min(min, v);
        }
        // stored -2000 outside the reconstruction circle: read unsigned it would be 63536 - 1024
        assertThat(min).isEqualTo(-3024f);
        assertThat(big.at(256, 256)).isBetween(-200f, 200f);
    }

    @Test
    void readsBytesThatArrivedOverTheNetworkLikeFiles() throws Exception {
        byte[] bytes = Files.readAllBytes(CtFixtures.ctSmall());
        DicomData data = DicomData.of("instance 1 of STOW request", bytes);
        assertThat(reader.readInstance(data).sopInstanceUid()).isEqualTo("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322");
        assertThat(reader.readSlice(data).hu()).isEqualTo(reader.readSlice(DicomData.of(CtFixtures.ctSmall())).hu());
    }

    @Test
    void anInstanceWithoutPixelDataIsSeenAndRefusedAsASlice() throws Exception {
        Path file = CtFixtures.from(CtFixtures.ctSmall()).remove(TagFromName.PixelData).write(tmp.resolve("nopixels.dcm"));
        assertThat(reader.readInstance(DicomData.of(file)).hasPixelData()).isFalse();
        assertThatThrownBy(() -> reader.readSlice(DicomData.of(file)))
                .isInstanceOf(InvalidDicomException.class)
                .hasMessage(file + ": no Pixel Data (7FE0,0010)");
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedNamingIt() throws Exception {
        byte[] bytes = Files.readAllBytes(CtFixtures.ct512());
        Path cut = Files.write(tmp.resolve("cut.dcm"), Arrays.copyOf(bytes, bytes.length - 100_000));
        assertThatThrownBy(() -> reader.readSlice(DicomData.of(cut))).isInstanceOf(InvalidDicomException.class)
                .hasMessage(cut + ": not a readable DICOM file (the Pixel Data (7FE0,0010) is truncated or corrupt)");
        Path header = Files.write(tmp.resolve("header.dcm"), Arrays.copyOf(bytes, 2000));
        assertThatThrownBy(() -> reader.readInstance(DicomData.of(header)))
                .hasMessage(header + ": truncated DICOM file (the data set breaks off at byte 1994 of 2000)");
        Path text = Files.writeString(tmp.resolve("notes.dcm"), "not dicom at all");
        assertThatThrownBy(() -> reader.readInstance(DicomData.of(text)))
                .hasMessageStartingWith(text + ": not a readable DICOM file");
    }

    @Test
    void signExtendsFromTheTopStoredBitAndIgnoresBitsAbove() throws Exception {
        AttributeList list = CtFixtures.from(CtFixtures.ctSmall()).attributes();
        list.put(attribute(new UnsignedShortAttribute(TagFromName.BitsStored), "12"));
        list.put(attribute(new UnsignedShortAttribute(TagFromName.HighBit), "11"));
        list.put(attribute(new DecimalStringAttribute(TagFromName.RescaleSlope), "2"));
        list.put(attribute(new DecimalStringAttribute(TagFromName.RescaleIntercept), "10"));
        OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        short[] v = new short[128 * 128];
        v[0] = (short) 0x0800; // 12-bit -2048
        v[1] = (short) 0xF7FF; // garbage above bit 11, stored 0x7FF = 2047
        v[2] = (short) 0x0FFF; // 12-bit -1
        pixels.setValues(v);
        list.put(pixels);
        HuSlice signed = DicomReader.toHu(list, "twelve-bit");
        assertThat(Arrays.copyOf(signed.hu(), 4)).containsExactly(-2048 * 2 + 10f, 2047 * 2 + 10f, -2 + 10f, 10f);
        list.put(attribute(new UnsignedShortAttribute(TagFromName.PixelRepresentation), "0"));
        HuSlice unsigned = DicomReader.toHu(list, "twelve-bit unsigned");
        assertThat(Arrays.copyOf(unsigned.hu(), 3)).containsExactly(2048 * 2 + 10f, 2047 * 2 + 10f, 4095 * 2 + 10f);
    }

    @Test
    void patientAgeComesFromTheAgeStringOrTheDates() {
        assertThat(DicomReader.age("045Y", null, null)).isEqualTo(45);
        assertThat(DicomReader.age("018M", null, null)).isEqualTo(1);
        assertThat(DicomReader.age("", LocalDate.of(1960, 5, 2), LocalDate.of(2020, 5, 1))).isEqualTo(59);
        assertThat(DicomReader.age("", null, LocalDate.of(2020, 5, 1))).isNull();
    }

    private static Attribute attribute(Attribute a, String value) throws Exception {
        a.addValue(value);
        return a;
    }
}
