package org.lesionsearch.indexer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.patch.HuSlice;
import org.lesionsearch.indexer.patch.HuWindow;

class DeepLesionSourceTest {

    @TempDir
    Path tmp;

    @Test
    void theRealSampleYieldsEveryLesionWithItsMeasurementsAndLocation() throws IOException {
        DeepLesionSource source = new DeepLesionSource(SharedTestData.deepLesion());
        assertThat(source.description()).isEqualTo("deeplesion:" + SharedTestData.deepLesion());
        SourceScan scan = source.scan();
        assertThat(scan.rejections()).isEmpty();
        // 24 rows of DL_info_val.csv have their key slice here (two lesions share one slice)
        assertThat(scan.lesionCount()).isEqualTo(24);
        assertThat(scan.series()).hasSize(16);
        // the sample holds key slices only; rows of the same series without theirs are passed over
        assertThat(scan.passedOver()).isEqualTo(Map.of(DeepLesionSource.PASSED_OVER_NOT_DOWNLOADED, 4889L - 24));
        Map<String, LesionCandidate> byId = scan.series().stream().flatMap(s -> s.lesions().stream())
                .collect(Collectors.toMap(LesionCandidate::id, Function.identity()));
        LesionCandidate c = byId.get("000069_02_01_058_1");
        Lesion l = c.lesion();
        assertThat(l.patientId()).isEqualTo("000069");
        assertThat(l.studyId()).isEqualTo("000069_02");
        assertThat(l.seriesId()).isEqualTo("000069_02_01");
        assertThat(l.keySlice()).isEqualTo(58);
        assertThat(l.sex()).isEqualTo(Sex.F);
        assertThat(l.patientAge()).isEqualTo(55);
        assertThat(l.coarseType()).isEqualTo(CoarseType.LIVER);
        assertThat(l.location()).isEqualTo(new BodyLocation(0.239972, 0.575039, 0.598907));
        assertThat(l.recist().longAxisMm()).isCloseTo(16.4041 * 0.732422, within(1e-9));
        assertThat(l.recist().shortAxisMm()).isCloseTo(12.2588 * 0.732422, within(1e-9));
        assertThat(l.recist().endpointsPx()).hasSize(8);
        assertThat(l.spacing().z()).isEqualTo(5.0);
        assertThat(l.boundingBox().x1()).isEqualTo(159.869);
        assertThat(l.source()).isEqualTo("deeplesion:" + SharedTestData.deepLesion().resolve("DL_info_val.csv"));
        // 5 mm slices: the adjacent slices are the neighbours, inside Slice_range 52..64
        assertThat(c.keySlice()).isEqualTo("058.png");
        assertThat(c.below()).isEqualTo("057.png");
        assertThat(c.above()).isEqualTo("059.png");
        assertThat(c.displayWindow()).isEqualTo(new HuWindow(-175, 275));
        // 1 mm slices: two slices away
        LesionCandidate thin = byId.get("000078_01_01_124_1");
        assertThat(thin.below()).isEqualTo("122.png");
        assertThat(thin.above()).isEqualTo("126.png");
        assertThat(byId).containsKeys("002648_01_01_061_1", "002648_01_01_061_2");
        assertThat(byId.get("002648_01_01_061_2").lesion().coarseType()).isEqualTo(CoarseType.ABDOMEN);
        // every type, size and location as the CSV gives it
        assertThat(byId.values()).allSatisfy(x -> {
            assertThat(x.lesion().location()).isNotNull();
            assertThat(x.lesion().recist().longAxisMm()).isBetween(3.0, 30.0);
        });
    }

    @Test
    void slicesLoadInHounsfieldUnitsWithTheRowSpacing() throws IOException {
        SeriesWork series = new DeepLesionSource(SharedTestData.deepLesion()).scan().series().stream()
                .filter(s -> s.seriesKey().equals("000069_02_01")).findFirst().orElseThrow();
        HuSlice key = series.loader().load("058.png");
        assertThat(key.width()).isEqualTo(512);
        assertThat(key.spacingX()).isEqualTo(0.732422);
        assertThat(key.at(0, 0)).isLessThan(-900f);
        assertThatThrownBy(() -> series.loader().load("057.png")).hasMessageEndingWith("057.png: missing slice file");
    }

    @Test
    void csvRowErrorsBecomeRejectionsAndTheOtherRowsGoOn() throws IOException {
        Path root = copySample(tmp, List.of("000069_02_01_058.png", "000069_03_01_058.png"));
        Path csv = root.resolve("DL_info.csv");
        List<String> lines = Files.readAllLines(csv);
        String broken = lines.get(2).substring(0, lines.get(2).lastIndexOf(','));
        Files.write(csv, List.of(lines.get(0), lines.get(1), broken));
        SourceScan scan = new DeepLesionSource(root).scan();
        assertThat(scan.lesionCount()).isEqualTo(1);
        assertThat(scan.rejections()).containsExactly(new Rejection(null, csv + ":3", "expected 18 columns, found 17"));
    }

    @Test
    void refusesAFolderThatIsNotDeepLesion() throws IOException {
        assertThatThrownBy(() -> new DeepLesionSource(tmp.resolve("nowhere"))).hasMessageContaining("no such DeepLesion folder");
        Files.createDirectories(tmp.resolve("Images_png"));
        assertThatThrownBy(() -> new DeepLesionSource(tmp)).hasMessage(tmp.toAbsolutePath() + ": not a DeepLesion folder, no DL_info.csv in it");
    }

    /** A DeepLesion folder holding the real rows and key slices of these files. */
    static Path copySample(Path dir, List<String> fileNames) throws IOException {
        Path real = SharedTestData.deepLesion();
        List<String> rows = Files.readAllLines(real.resolve("DL_info_val.csv"));
        List<String> kept = new java.util.ArrayList<>(List.of(rows.getFirst()));
        for (String name : fileNames) {
            rows.stream().filter(r -> r.startsWith(name + ",")).forEach(kept::add);
            String folder = name.substring(0, name.lastIndexOf('_'));
            Path target = dir.resolve("Images_png").resolve(folder);
            Files.createDirectories(target);
            Files.copy(real.resolve("Images_png").resolve(folder).resolve(name.substring(name.lastIndexOf('_') + 1)),
                    target.resolve(name.substring(name.lastIndexOf('_') + 1)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.write(dir.resolve("DL_info.csv"), kept);
        return dir;
    }
}
