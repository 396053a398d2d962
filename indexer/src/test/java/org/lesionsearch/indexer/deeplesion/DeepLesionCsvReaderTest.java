package org.lesionsearch.indexer.deeplesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.indexer.SharedTestData;

class DeepLesionCsvReaderTest {

    private static final String HEADER = String.join(",", DeepLesionCsvReader.COLUMNS);
    private static final String GOOD_ROW = "000069_02_01_058.png,69,2,1,58,\"181.078, 276.892, 164.869, 279.413, 169.191, 272.93, 171.352, 284.996\","
            + "\"159.869, 267.93, 186.078, 289.996\",\"16.4041, 12.2588\",\"0.239972, 0.575039, 0.598907\",4,0,\"52, 64\","
            + "\"0.732422, 0.732422, 5\",\"512, 512\",\"-175, 275\",F,55,2";

    private final DeepLesionCsvReader reader = new DeepLesionCsvReader();

    @Test
    void readsEveryRowOfTheRealValidationFile() throws IOException {
        Path csv = SharedTestData.deepLesion().resolve("DL_info_val.csv");
        DeepLesionCsvReader.Table table = reader.read(csv);
        assertThat(table.errors()).isEmpty();
        assertThat(table.rows()).hasSize(4889);
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.split()).isEqualTo(DeepLesionRow.Split.VALIDATION));
        assertThat(table.rows().stream().filter(r -> r.age() == null)).isNotEmpty();
        assertThat(table.rows().stream().map(DeepLesionRow::coarseType).distinct())
                .containsExactlyInAnyOrder(CoarseType.BONE, CoarseType.ABDOMEN, CoarseType.MEDIASTINUM, CoarseType.LIVER,
                        CoarseType.LUNG, CoarseType.KIDNEY, CoarseType.SOFT_TISSUE, CoarseType.PELVIS);
        // the first data row sits on line 2 and the last on the file's last line
        assertThat(table.rows().getFirst().line()).isEqualTo(2);
        assertThat(table.rows().getLast().line()).isEqualTo(Files.readAllLines(csv).size());
    }

    @Test
    void typesAllEighteenColumnsOfARealRow() throws IOException {
        DeepLesionRow row = reader.read(new StringReader(HEADER + "\n" + GOOD_ROW + "\n"), Path.of("DL_info.csv")).rows().getFirst();
        assertThat(row.fileName()).isEqualTo("000069_02_01_058.png");
        assertThat(row.patientIndex()).isEqualTo(69);
        assertThat(row.studyIndex()).isEqualTo(2);
        assertThat(row.seriesId()).isEqualTo(1);
        assertThat(row.keySlice()).isEqualTo(58);
        assertThat(row.measurementCoordinates()).containsExactly(181.078, 276.892, 164.869, 279.413, 169.191, 272.93, 171.352, 284.996);
        assertThat(row.boundingBox().x1()).isEqualTo(159.869);
        assertThat(row.boundingBox().y2()).isEqualTo(289.996);
        assertThat(row.longDiameterPx()).isEqualTo(16.4041);
        assertThat(row.shortDiameterPx()).isEqualTo(12.2588);
        assertThat(row.location().z()).isEqualTo(0.598907);
        assertThat(row.coarseType()).isEqualTo(CoarseType.LIVER);
        assertThat(row.possiblyNoisy()).isFalse();
        assertThat(row.sliceRange()).isEqualTo(new DeepLesionRow.SliceRange(52, 64));
        assertThat(row.spacing().x()).isEqualTo(0.732422);
        assertThat(row.spacing().z()).isEqualTo(5.0);
        assertThat(row.imageWidth()).isEqualTo(512);
        assertThat(row.imageHeight()).isEqualTo(512);
        assertThat(row.dicomWindow().low()).isEqualTo(-175);
        assertThat(row.dicomWindow().high()).isEqualTo(275);
        assertThat(row.sex()).isEqualTo(Sex.F);
        assertThat(row.age()).isEqualTo(55);
        assertThat(row.split()).isEqualTo(DeepLesionRow.Split.VALIDATION);
        assertThat(row.seriesFolder()).isEqualTo("000069_02_01");
        assertThat(row.studyKey()).isEqualTo("000069_02");
        assertThat(row.lesionId(1)).isEqualTo("000069_02_01_058_1");
        // the pixel diameter agrees with the end points of the long axis
        double[] p = row.measurementCoordinates();
        assertThat(Math.hypot(p[2] - p[0], p[3] - p[1])).isCloseTo(row.longDiameterPx(), within(1e-3));
    }

    @Test
    void aRowWithAWrongColumnCountIsReportedWithItsLineAndTheRestIsRead() throws IOException {
        String truncatedRow = GOOD_ROW.substring(0, GOOD_ROW.lastIndexOf(','));
        String csv = HEADER + "\n" + GOOD_ROW + "\n" + truncatedRow + "\n" + GOOD_ROW.replace("_058.png,69,2,1,58", "_059.png,69,2,1,59") + "\n";
        DeepLesionCsvReader.Table table = reader.read(new StringReader(csv), Path.of("DL_info.csv"));
        assertThat(table.rows()).extracting(DeepLesionRow::keySlice).containsExactly(58, 59);
        assertThat(table.rows()).extracting(DeepLesionRow::line).containsExactly(2, 4);
        assertThat(table.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.toString()).isEqualTo("DL_info.csv:3: expected 18 columns, found 17");
        });
    }

    @Test
    void badCellsAreNamedByColumn() throws IOException {
        String csv = HEADER + "\n"
                + GOOD_ROW.replace("\"0.732422, 0.732422, 5\"", "\"0.732422, 0.732422\"") + "\n"
                + GOOD_ROW.replace(",4,0,", ",x,0,") + "\n"
                + GOOD_ROW.replace(",F,55,", ",Q,55,") + "\n"
                + GOOD_ROW.replace("\"52, 64\"", "\"60, 64\"") + "\n"
                + GOOD_ROW.replace("000069_02_01_058.png", "000070_02_01_058.png") + "\n"
                + GOOD_ROW.replace("\"181.078,", "\"NaN,") + "\n"
                + GOOD_ROW.replace(",F,55,2", ",F,NaN,9") + "\n";
        List<String> messages = reader.read(new StringReader(csv), Path.of("x.csv")).errors().stream()
                .map(DeepLesionCsvReader.RowError::toString).toList();
        assertThat(messages).containsExactly(
                "x.csv:2: Spacing_mm_px_: expected 3 numbers, found 2 in '0.732422, 0.732422'",
                "x.csv:3: Coarse_lesion_type: cannot read 'x' (unknown coarse lesion type 'x' (expected one of [bone, abdomen, mediastinum, liver, lung, kidney, soft_tissue, pelvis, unknown]))",
                "x.csv:4: Patient_gender: cannot read 'Q' (unknown sex 'Q' (expected F, M or unknown))",
                "x.csv:5: Slice_range 60, 64 does not contain the key slice 58",
                "x.csv:6: File_name 000070_02_01_058.png disagrees with Patient_index, Study_index, Series_ID and Key_slice_index (expected 000069_02_01_058.png)",
                "x.csv:7: Measurement_coordinates: NaN is not a finite number",
                "x.csv:8: Train_Val_Test: cannot read '9' (unknown split 9 (expected 1 train, 2 validation or 3 test))");
    }

    @Test
    void aFileWithoutTheOfficialHeaderIsRefusedNamingTheMissingColumns() {
        assertThatThrownBy(() -> reader.read(new StringReader("File_name,Patient_index\n1,2\n"), Path.of("other.csv")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("other.csv: not a DL_info.csv file, missing columns Study_index, Series_ID");
        assertThatThrownBy(() -> reader.read(new StringReader(""), Path.of("empty.csv")))
                .hasMessageStartingWith("empty.csv: empty file");
    }

    @Property(tries = 200)
    void writtenRowsReadBackUnchanged(@ForAll @IntRange(min = 1, max = 999_999) int patient,
            @ForAll @IntRange(min = 1, max = 99) int study, @ForAll @IntRange(min = 1, max = 99) int series,
            @ForAll @IntRange(min = 1, max = 999) int slice, @ForAll @DoubleRange(min = 0, max = 511) double x,
            @ForAll @DoubleRange(min = 0.3, max = 1.5) double spacing, @ForAll @IntRange(min = 1, max = 8) int type,
            @ForAll @IntRange(min = 0, max = 110) int age) throws IOException {
        String name = String.format(Locale.ROOT, "%06d_%02d_%02d_%03d.png", patient, study, series, slice);
        String row = String.format(Locale.ROOT, "%s,%d,%d,%d,%d,\"%s, 1, 2, 3, 4, 5, 6, 7\",\"%s, 1, 2, 3\",\"%s, 1\","
                        + "\"0.5, 0.5, 0.5\",%d,1,\"%d, %d\",\"%s, %s, 2.5\",\"512, 512\",\"-1350, 150\",M,%d,1",
                name, patient, study, series, slice, x, x, x, type, slice, slice + 3, spacing, spacing, age);
        DeepLesionCsvReader.Table t = reader.read(new StringReader(HEADER + "\n" + row + "\n"), Path.of("p.csv"));
        assertThat(t.errors()).isEmpty();
        DeepLesionRow r = t.rows().getFirst();
        assertThat(r.fileName()).isEqualTo(name);
        assertThat(r.measurementCoordinates()[0]).isEqualTo(x);
        assertThat(r.boundingBox().x1()).isEqualTo(x);
        assertThat(r.longDiameterPx()).isEqualTo(x);
        assertThat(r.coarseType().code()).isEqualTo(type);
        assertThat(r.possiblyNoisy()).isTrue();
        assertThat(r.sliceRange()).isEqualTo(new DeepLesionRow.SliceRange(slice, slice + 3));
        assertThat(r.spacing().x()).isEqualTo(spacing);
        assertThat(r.age()).isEqualTo(age);
        assertThat(r.split()).isEqualTo(DeepLesionRow.Split.TRAIN);
        assertThat(r.lesionId(2)).isEqualTo(name.replace(".png", "_2"));
    }
}
