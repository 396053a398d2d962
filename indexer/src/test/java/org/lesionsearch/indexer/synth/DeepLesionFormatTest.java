package org.lesionsearch.indexer.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.deeplesion.DeepLesionCsvReader;
import org.lesionsearch.indexer.deeplesion.DeepLesionRow;
import org.lesionsearch.indexer.deeplesion.DeepLesionSliceReader;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.source.DeepLesionSource;
import org.lesionsearch.indexer.source.SourceScan;
import org.lesionsearch.indexer.synth.output.GroundTruthFiles;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;

/**
 * The generated DeepLesion folder reads the way the real sample in shared/data/deeplesion does:
 * same header and cell formats, every row parsed by the DeepLesion reader, every slice decoded.
 */
class DeepLesionFormatTest {

    private static final Path REAL = SharedTestData.deepLesion();
    private static final Pattern LIST = Pattern.compile("\"-?\\d+(\\.\\d+)?(, -?\\d+(\\.\\d+)?)*\"");

    @Test
    void headerAndCellFormatsAreDeepLesions() throws IOException {
        List<String> real = Files.readAllLines(REAL.resolve("DL_info_val.csv"));
        List<String> ours = Files.readAllLines(SyntheticCohort.deepLesion().resolve("DL_info.csv"));
        assertThat(ours.get(0)).isEqualTo(real.get(0));
        assertThat(ours).hasSizeGreaterThan(5);
        for (String line : List.of(real.get(1), ours.get(1), ours.get(ours.size() - 1))) {
            String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            assertThat(cells).as(line).hasSize(18);
            assertThat(cells[0]).matches("\\d{6}_\\d{2}_\\d{2}_\\d{3}\\.png");
            for (int c : new int[] {5, 6, 7, 8, 11, 12, 13, 14}) {
                assertThat(cells[c]).as("column %d of %s", c, line).matches(LIST);
            }
            assertThat(cells[15]).isIn("M", "F");
            assertThat(cells[17]).isIn("1", "2", "3");
            assertThat(cells[0]).startsWith(String.format("%06d_%02d_%02d_%03d", Integer.parseInt(cells[1]),
                    Integer.parseInt(cells[2]), Integer.parseInt(cells[3]), Integer.parseInt(cells[4])));
        }
    }

    @Test
    void theDeepLesionReaderReadsGeneratedRowsAsItReadsRealOnes() throws IOException {
        DeepLesionCsvReader reader = new DeepLesionCsvReader();
        DeepLesionCsvReader.Table real = reader.read(REAL.resolve("DL_info_val.csv"));
        Path cohort = SyntheticCohort.deepLesion();
        DeepLesionCsvReader.Table ours = reader.read(cohort.resolve("DL_info.csv"));
        assertThat(real.errors()).isEmpty();
        assertThat(ours.errors()).isEmpty();
        List<GroundTruthRecord> truth = GroundTruthFiles.readLesions(cohort.resolve(GroundTruthFiles.LESIONS));
        assertThat(ours.rows()).hasSameSizeAs(truth);
        DeepLesionSliceReader slices = new DeepLesionSliceReader();
        for (int k = 0; k < truth.size(); k++) {
            DeepLesionRow row = ours.rows().get(k);
            GroundTruthRecord t = truth.get(k);
            assertThat(row.fileName()).isEqualTo(t.fileName());
            assertThat(row.coarseType().code()).isEqualTo(t.coarseType());
            assertThat(row.longDiameterPx() * row.spacing().x()).isCloseTo(t.measuredLongAxisMm(),
                    org.assertj.core.api.Assertions.within(0.01));
            assertThat(row.location().x()).isBetween(0.0, 1.0);
            assertThat(row.location().z()).isBetween(0.3, 0.9);
            assertThat(row.sliceRange().contains(row.keySlice())).isTrue();
            assertThat(row.imageWidth()).isEqualTo(512);
            for (int s = row.sliceRange().first(); s <= row.sliceRange().last(); s++) {
                Path png = cohort.resolve("Images_png").resolve(row.seriesFolder()).resolve(DeepLesionRow.sliceFileName(s));
                assertThat(png).as("slice %d of %s", s, row.fileName()).isRegularFile();
            }
            HuSlice key = slices.read(cohort.resolve("Images_png").resolve(row.seriesFolder())
                    .resolve(DeepLesionRow.sliceFileName(row.keySlice())), row.spacing().x(), row.spacing().y());
            // air in a corner, tissue under the lesion box centre
            assertThat(key.at(2, 2)).isBetween(-1024f, -900f);
            assertThat(key.bilinear(row.boundingBox().centerX(), row.boundingBox().centerY())).isGreaterThan(-1024f);
        }
    }

    @Test
    void theDeepLesionSourceTakesEveryGeneratedLesionWithNeighbours() throws IOException {
        SourceScan scan = new DeepLesionSource(SyntheticCohort.deepLesion()).scan();
        List<GroundTruthRecord> truth = GroundTruthFiles.readLesions(
                SyntheticCohort.deepLesion().resolve(GroundTruthFiles.LESIONS));
        assertThat(scan.rejections()).isEmpty();
        assertThat(scan.lesionCount()).isEqualTo(truth.size());
        List<String> ids = scan.series().stream().flatMap(s -> s.lesions().stream()).map(c -> c.id()).sorted().toList();
        assertThat(ids).isEqualTo(truth.stream().map(GroundTruthRecord::lesionId).sorted().toList());
        assertThat(scan.series().stream().flatMap(s -> s.lesions().stream()))
                .allSatisfy(c -> {
                    assertThat(c.below()).as("neighbour below %s", c.id()).isNotNull();
                    assertThat(c.above()).as("neighbour above %s", c.id()).isNotNull();
                });
    }
}
