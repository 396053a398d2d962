package org.lesionsearch.indexer.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.indexer.patch.HuWindow;

class MeasurementSidecarTest {

    @TempDir
    Path tmp;

    private final MeasurementSidecar sidecar = new MeasurementSidecar();

    @Test
    void readsCsvRowsWithOptionalFieldsAndReportsBadRowsByLine() throws IOException {
        String csv = """
                sop_instance_uid,measurement_number,recist_px,long_axis_mm,coarse_type,window
                1.2.3,,"10, 20, 30, 20, 20, 15, 20, 25",,liver,
                1.2.3,4,"10, 20, 30, 20",12.5,5,"-1350, 150"
                1.2.4,,"10, 20, 30",,,
                1.2.5,,"10, 20, 30, 20",,organ,
                1.2.6,x,"10, 20, 30, 20",,,
                """;
        MeasurementSidecar.Contents c = sidecar.readCsv(new StringReader(csv), "measurements.csv");
        assertThat(c.measurements()).hasSize(2);
        Measurement a = c.measurements().get(0);
        assertThat(a.sopInstanceUid()).isEqualTo("1.2.3");
        assertThat(a.number()).isNull();
        assertThat(a.coarseType()).isEqualTo(CoarseType.LIVER);
        assertThat(a.boxOrDerived()).isEqualTo(new BoundingBox(5, 10, 35, 30));
        assertThat(a.axisMm(0, 0.5, 0.5)).isEqualTo(10.0);
        assertThat(a.axisMm(1, 0.5, 0.5)).isEqualTo(5.0);
        assertThat(a.origin()).isEqualTo("measurements.csv:2");
        Measurement b = c.measurements().get(1);
        assertThat(b.number()).isEqualTo(4);
        assertThat(b.longAxisMm()).isEqualTo(12.5);
        assertThat(b.window()).isEqualTo(new HuWindow(-1350, 150));
        assertThat(c.errors()).containsExactly(
                "measurements.csv:4: recist_px: expected 8 numbers (x11, y11, x12, y12, x21, y21, x22, y22) or 4 for one diameter, found 3",
                "measurements.csv:5: coarse_type: unknown coarse lesion type 'organ' (expected one of [bone, abdomen, mediastinum, liver, lung, kidney, soft_tissue, pelvis, unknown])",
                "measurements.csv:6: measurement_number: 'x' is not a whole number");
    }

    @Test
    void readsTheJsonShapes() throws IOException {
        String array = "[{\"sopInstanceUid\": \"1.2.3\", \"recist_px\": [1, 2, 3, 4, 5, 6, 7, 8], \"location\": [0.1, 0.2, 0.3]}]";
        String keyed = "{\"1.2.3\": [{\"recist_px\": \"1, 2, 3, 4\"}, {\"recist_px\": [5, 6, 7, 8], \"measurement_number\": 2}], \"1.2.4\": {\"recist\": 1}}";
        MeasurementSidecar.Contents a = sidecar.readJson(new StringReader(array), "m.json");
        assertThat(a.errors()).isEmpty();
        assertThat(a.measurements().getFirst().location()).isEqualTo(new BodyLocation(0.1, 0.2, 0.3));
        MeasurementSidecar.Contents k = sidecar.readJson(new StringReader(keyed), "k.json");
        assertThat(k.measurements()).extracting(Measurement::sopInstanceUid).containsExactly("1.2.3", "1.2.3");
        assertThat(k.measurements().get(1).number()).isEqualTo(2);
        assertThat(k.errors()).singleElement().asString()
                .startsWith("k.json 1.2.4[0]: recist_px: expected 8 numbers");
        assertThatThrownBy(() -> sidecar.readJson(new StringReader("\"text\""), "t.json"))
                .hasMessageStartingWith("t.json: not a measurement file");
    }

    @Test
    void aCsvWithoutTheKeyColumnIsRefused() {
        assertThatThrownBy(() -> sidecar.readCsv(new StringReader("uid,recist_px\n1,2\n"), "other.csv"))
                .hasMessage("other.csv: not a measurement file, the sop_instance_uid column is missing");
    }

    @Test
    void knowsSidecarsByName() {
        assertThat(MeasurementSidecar.isSidecar(Path.of("a/measurements.csv"))).isTrue();
        assertThat(MeasurementSidecar.isSidecar(Path.of("a/study1.measurements.json"))).isTrue();
        assertThat(MeasurementSidecar.isSidecar(Path.of("a/notes.csv"))).isFalse();
    }

    @Property(tries = 50)
    void whatIsWrittenReadsBack(@ForAll @DoubleRange(min = 0, max = 511) double x, @ForAll @DoubleRange(min = 0, max = 511) double y,
            @ForAll @IntRange(min = 1, max = 8) int type, @ForAll @IntRange(min = 1, max = 9) int number) throws IOException {
        Measurement m = new Measurement("1.2.840." + number, number, new double[] {x, y, x + 10, y, x + 5, y - 3, x + 5, y + 3},
                12.0, 6.0, new BoundingBox(x - 5, y - 8, x + 15, y + 8), CoarseType.fromCode(type),
                new BodyLocation(0.25, 0.5, 0.75), new HuWindow(-175, 275), "written");
        // jqwik properties get no @TempDir
        Path dir = java.nio.file.Files.createTempDirectory("sidecar");
        Path file = dir.resolve("measurements.csv");
        Measurement back;
        try {
            MeasurementSidecar.writeCsv(file, List.of(m));
            back = sidecar.read(file).measurements().getFirst();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.delete(dir);
        }
        assertThat(back.sopInstanceUid()).isEqualTo(m.sopInstanceUid());
        assertThat(back.number()).isEqualTo(number);
        assertThat(back.endpointsPx()).containsExactly(m.endpointsPx());
        assertThat(back.longAxisMm()).isEqualTo(12.0);
        assertThat(back.shortAxisMm()).isEqualTo(6.0);
        assertThat(back.box()).isEqualTo(m.box());
        assertThat(back.coarseType()).isEqualTo(m.coarseType());
        assertThat(back.location()).isEqualTo(m.location());
        assertThat(back.window()).isEqualTo(m.window());
    }
}
