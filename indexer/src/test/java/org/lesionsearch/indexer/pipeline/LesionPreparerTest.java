package org.lesionsearch.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.indexer.patch.PatchExtractor;
import org.lesionsearch.indexer.patch.TestSlices;
import org.lesionsearch.indexer.patch.ThumbnailRenderer;
import org.lesionsearch.indexer.source.DeepLesionSource;
import org.lesionsearch.indexer.source.SeriesWork;

class LesionPreparerTest {

    @TempDir
    Path tmp;

    private final LesionPreparer preparer = new LesionPreparer(new PatchExtractor(TestSlices.spec()), ThumbnailRenderer.defaults());

    @Test
    void usesRealNeighboursWhenTheyAreThereAndFallsBackWhenOneIsMissing() throws Exception {
        Path root = IngestPipelineTest.copySample(tmp.resolve("dl"));
        Path folder = root.resolve("Images_png/000069_02_01");
        // make the neighbours 057 and 059 of 058 from the key slice itself
        Files.copy(folder.resolve("058.png"), folder.resolve("057.png"));
        Files.copy(folder.resolve("058.png"), folder.resolve("059.png"));
        SeriesWork series = series(root, "000069_02_01");
        LesionPreparer.SeriesOutcome outcome = preparer.prepare(series);
        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.prepared()).singleElement().satisfies(p -> {
            assertThat(p.patches().neighboursPresent()).isTrue();
            assertThat(p.thumbnailPng()).isNotEmpty();
            assertThat(p.bodyX()).isNaN(); // DeepLesion gives the location
        });
        assertThat(outcome.slicesDecoded()).isEqualTo(3);

        Files.delete(folder.resolve("059.png"));
        LesionPreparer.SeriesOutcome without = preparer.prepare(series(root, "000069_02_01"));
        assertThat(without.prepared().getFirst().patches().neighboursPresent()).isFalse();
    }

    @Test
    void aKeySliceThatVanishedAfterTheScanIsARejectionNamingTheFile() throws Exception {
        Path root = IngestPipelineTest.copySample(tmp.resolve("dl"));
        SeriesWork series = series(root, "003599_01_01");
        Path gone = root.resolve("Images_png/003599_01_01/260.png");
        Files.delete(gone);
        LesionPreparer.SeriesOutcome outcome = preparer.prepare(series);
        assertThat(outcome.prepared()).hasSize(2);
        assertThat(outcome.rejected()).singleElement().satisfies(r -> {
            assertThat(r.lesionId()).isEqualTo("003599_01_01_260_1");
            assertThat(r.reason()).isEqualTo(gone + ": missing slice file");
        });
    }

    private static SeriesWork series(Path root, String key) throws Exception {
        List<SeriesWork> all = new DeepLesionSource(root).scan().series();
        return all.stream().filter(s -> s.seriesKey().equals(key)).findFirst().orElseThrow();
    }
}
