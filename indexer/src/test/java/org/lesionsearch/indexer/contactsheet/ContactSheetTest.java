package org.lesionsearch.indexer.contactsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.deeplesion.DeepLesionRow;
import org.lesionsearch.indexer.synth.SyntheticCohort;

/** Contact sheets of the real DeepLesion sample and of a synthetic cohort. */
class ContactSheetTest {

    @TempDir
    Path tmp;

    private static int countRecistRed(BufferedImage image) {
        int red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                if (r > 180 && g < 120 && b < 120) {
                    red++;
                }
            }
        }
        return red;
    }

    @Test
    void drawsTheRealSampleWithItsRecistLines() throws IOException {
        Path real = SharedTestData.deepLesion();
        ContactSheet.Sheet sheet = new ContactSheet(new ContactSheet.Layout(4, 128, 0))
                .draw(real, real.resolve("DL_info_val.csv"), 8);
        assertThat(sheet.shown()).hasSize(8);
        assertThat(sheet.problems()).isEmpty();
        assertThat(sheet.image().getWidth()).isEqualTo(4 * 128);
        assertThat(sheet.image().getHeight()).isEqualTo(2 * (128 + 16));
        assertThat(countRecistRed(sheet.image())).as("red long axes drawn").isGreaterThan(8 * 3);
        // rows are taken in turn from each coarse type
        assertThat(sheet.shown().stream().map(DeepLesionRow::coarseType).distinct().count()).isGreaterThanOrEqualTo(2);
        Path png = tmp.resolve("real.png");
        ContactSheet.writePng(sheet, png);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(512);
    }

    @Test
    void drawsSyntheticLesionsCroppedAroundThem() throws IOException {
        Path cohort = SyntheticCohort.deepLesion();
        ContactSheet.Sheet sheet = new ContactSheet(new ContactSheet.Layout(3, 96, 100))
                .draw(cohort, cohort.resolve("DL_info.csv"), 6);
        assertThat(sheet.shown()).hasSize(6);
        assertThat(countRecistRed(sheet.image())).isGreaterThan(6 * 3);
        // each tile is centred on its lesion, which is tissue, not air
        BufferedImage image = sheet.image();
        for (int k = 0; k < 6; k++) {
            int cx = (k % 3) * 96 + 48, cy = (k / 3) * (96 + 16) + 48;
            assertThat(image.getRGB(cx, cy) & 255).as("centre of tile %d", k).isGreaterThan(10);
        }
    }

    @Test
    void choosesRowsInTurnFromEachCoarseType() throws IOException {
        Path real = SharedTestData.deepLesion();
        var rows = new org.lesionsearch.indexer.deeplesion.DeepLesionCsvReader().read(real.resolve("DL_info_val.csv")).rows();
        var chosen = ContactSheet.choose(rows, 8);
        assertThat(chosen).extracting(DeepLesionRow::coarseType)
                .containsExactly(CoarseType.BONE, CoarseType.ABDOMEN, CoarseType.MEDIASTINUM, CoarseType.LIVER,
                        CoarseType.LUNG, CoarseType.KIDNEY, CoarseType.SOFT_TISSUE, CoarseType.PELVIS);
    }

    @Test
    void refusesAnEmptyLayout() {
        assertThatThrownBy(() -> new ContactSheet.Layout(0, 128, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one column");
    }
}
