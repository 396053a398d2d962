package org.lesionsearch.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.source.DeepLesionSource;

class IngestPipelineTest {

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theRealDeepLesionSampleIngestsCompletelyWithThumbnailsAndResumesWithoutWritingTwice() throws IOException {
        Path indexDir = tmp.resolve("index");
        List<IngestProgress> progress = new CopyOnWriteArrayList<>();
        IngestSummary first;
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder encoder = new PatchPoolingTestEncoder()) {
            IngestPipeline pipeline = new IngestPipeline(encoder, index, IngestOptions.forIndex(indexDir).withDecodeThreads(2)
                    .withBatches(5, 8), progress::add);
            first = pipeline.run(new DeepLesionSource(SharedTestData.deepLesion()));
            assertThat(index.count(Filter.all())).isEqualTo(24);
            Lesion l = index.get(LesionId.of("000069_02_01_058_1")).orElseThrow();
            assertThat(l.coarseType()).isEqualTo(CoarseType.LIVER);
            assertThat(l.sizeMm()).isCloseTo(16.4041 * 0.732422, within(1e-6));
            assertThat(l.location().z()).isEqualTo(0.598907);
            assertThat(l.patientAge()).isEqualTo(55);
            assertThat(l.model()).isEqualTo(PatchPoolingTestEncoder.MODEL);
            assertThat(l.embedding()).hasSize(Lesion.EMBEDDING_DIM);
            assertThat(l.thumbnail()).isEqualTo("thumbnails/000069_02_01_058_1.png");
            BufferedImage thumbnail = ImageIO.read(indexDir.resolve(l.thumbnail()).toFile());
            assertThat(thumbnail.getWidth()).isEqualTo(128);
            // the two lesions of one slice are both there, and a patient's two studies
            assertThat(index.get(LesionId.of("002648_01_01_061_2"))).isPresent();
            assertThat(index.listByPatient("000069")).extracting(Lesion::studyId).containsExactly("000069_02", "000069_03");
        }
        assertThat(first.indexed()).isEqualTo(24);
        assertThat(first.rejected()).isZero();
        assertThat(first.candidates()).isEqualTo(24);
        assertThat(first.nothingIndexed()).isFalse();
        assertThat(first.passedOver()).isEqualTo(Map.of(DeepLesionSource.PASSED_OVER_NOT_DOWNLOADED, 4865L));
        // key slices only in the sample: 23 distinct slices decoded once each, neighbours looked for and missing
        assertThat(first.slicesDecoded()).isEqualTo(23);
        assertThat(first.model()).isEqualTo("test-patch-pooling@1");
        assertThat(Files.readAllLines(indexDir.resolve("ingest-rejects.jsonl"))).isEmpty();
        assertThat(progress.getLast().done()).isEqualTo(24);
        assertThat(progress.getLast().total()).isEqualTo(24);

        // a second run finds everything committed and writes nothing
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder encoder = new PatchPoolingTestEncoder()) {
            IngestSummary again = new IngestPipeline(encoder, index, IngestOptions.forIndex(indexDir), ProgressListener.NONE)
                    .run(new DeepLesionSource(SharedTestData.deepLesion()));
            assertThat(again.alreadyIndexed()).isEqualTo(24);
            assertThat(again.indexed()).isZero();
            assertThat(again.nothingIndexed()).isFalse();
            assertThat(encoder.batches.get()).isZero();
            assertThat(index.count(Filter.all())).isEqualTo(24);
        }
    }

    @Test
    void aCrashLosesAtMostTheUncommittedBatchAndARestartFinishesTheJob() throws IOException {
        Path indexDir = tmp.resolve("index");
        IngestOptions options = IngestOptions.forIndex(indexDir).withDecodeThreads(2).withBatches(4, 4);
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder dying = new PatchPoolingTestEncoder(PatchPoolingTestEncoder.MODEL, k -> false, 14)) {
            assertThatThrownBy(() -> new IngestPipeline(dying, index, options, ProgressListener.NONE)
                    .run(new DeepLesionSource(SharedTestData.deepLesion())))
                    .isInstanceOf(PatchPoolingTestEncoder.SimulatedCrash.class);
            // batches of 4 are committed as they are written: 12 of the 14 encoded made it
            assertThat(index.count(Filter.all())).isEqualTo(12);
        }
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder encoder = new PatchPoolingTestEncoder()) {
            IngestSummary resumed = new IngestPipeline(encoder, index, options, ProgressListener.NONE)
                    .run(new DeepLesionSource(SharedTestData.deepLesion()));
            assertThat(resumed.alreadyIndexed()).isEqualTo(12);
            assertThat(resumed.indexed()).isEqualTo(12);
            assertThat(index.count(Filter.all())).isEqualTo(24);
            assertThat(index.stats().lesions()).isEqualTo(24);
        }
    }

    @Test
    void badInputsAreRejectedOneByOneWithFileAndReasonWhileTheRestIsIndexed() throws IOException {
        Path root = copySample(tmp.resolve("dl"));
        Path images = root.resolve("Images_png");
        // a truncated slice, an 8-bit slice, a row with a wrong column count, a box off the image
        byte[] png = Files.readAllBytes(images.resolve("000069_02_01/058.png"));
        Files.write(images.resolve("000069_02_01/058.png"), java.util.Arrays.copyOf(png, png.length / 3));
        BufferedImage eight = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(eight, "png", images.resolve("000078_01_01/124.png").toFile());
        Path csv = root.resolve("DL_info.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        int shortRow = indexOf(lines, "000122_01_01_063.png");
        lines.set(shortRow, lines.get(shortRow).substring(0, lines.get(shortRow).lastIndexOf(',')));
        int offImage = indexOf(lines, "003667_01_01_052.png");
        lines.set(offImage, lines.get(offImage).replace("\"116.884, 242.628, 144.174, 265.595\"", "\"600, 600, 640, 650\""));
        Files.write(csv, lines);

        Path indexDir = tmp.resolve("index");
        IngestSummary summary;
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder encoder = new PatchPoolingTestEncoder(PatchPoolingTestEncoder.MODEL,
                        key -> key.equals("004416_01_01_047_1"), Integer.MAX_VALUE)) {
            summary = new IngestPipeline(encoder, index, IngestOptions.forIndex(indexDir).withBatches(4, 8), ProgressListener.NONE)
                    .run(new DeepLesionSource(root));
            assertThat(index.count(Filter.all())).isEqualTo(19);
        }
        assertThat(summary.indexed()).isEqualTo(19);
        assertThat(summary.rejected()).isEqualTo(5);
        assertThat(summary.rejectedByStage()).isEqualTo(Map.of("source", 1L, "prepare", 3L, "encode", 1L));
        List<JsonNode> rejects = new ArrayList<>();
        for (String line : Files.readAllLines(indexDir.resolve("ingest-rejects.jsonl"))) {
            rejects.add(json.readTree(line));
        }
        assertThat(rejects).extracting(r -> r.get("stage").asText() + " " + r.get("lesion").asText() + ": " + r.get("reason").asText())
                .containsExactlyInAnyOrder(
                        "source null: expected 18 columns, found 17",
                        "prepare 000069_02_01_058_1: " + images.resolve("000069_02_01/058.png") + ": truncated PNG (the file ends before the image data is complete)",
                        "prepare 000078_01_01_124_1: " + images.resolve("000078_01_01/124.png") + ": 8-bit grayscale PNG; DeepLesion slices are 16-bit grayscale (HU + 32768)",
                        "prepare 003667_01_01_052_1: bounding box (600.0, 600.0, 640.0, 650.0) lies outside the 512x512 key slice",
                        "encode 004416_01_01_047_1: the model failed: cannot encode 004416_01_01_047_1");
        assertThat(rejects.getFirst().get("file").asText()).isEqualTo(csv + ":" + (shortRow + 1));
        assertThat(rejects).filteredOn(r -> r.get("lesion").asText().equals("004416_01_01_047_1"))
                .singleElement().satisfies(r -> assertThat(r.get("file").asText())
                        .startsWith(images.resolve("004416_01_01/047.png") + " (DL_info.csv:"));
        assertThat(rejects).filteredOn(r -> r.get("lesion").asText().equals("000078_01_01_124_1"))
                .singleElement().satisfies(r -> assertThat(r.get("file").asText())
                        .isEqualTo(images.resolve("000078_01_01/124.png") + " (DL_info.csv:" + (indexOf(lines, "000078_01_01_124.png") + 1) + ")"));
    }

    @Test
    void anIndexOfAnotherModelIsRefusedBeforeAnythingIsRead() throws IOException {
        Path indexDir = tmp.resolve("index");
        Path root = copySample(tmp.resolve("dl"));
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder encoder = new PatchPoolingTestEncoder()) {
            new IngestPipeline(encoder, index, IngestOptions.forIndex(indexDir), ProgressListener.NONE).run(new DeepLesionSource(root));
        }
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder other = new PatchPoolingTestEncoder(new ModelInfo("other", "2"), k -> false, Integer.MAX_VALUE)) {
            assertThatThrownBy(() -> new IngestPipeline(other, index, IngestOptions.forIndex(indexDir), ProgressListener.NONE)
                    .run(new DeepLesionSource(root)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the index holds vectors of test-patch-pooling@1 but the encoder is other@2; index into a new folder to change models");
        }
    }

    @Test
    void aSourceWithNothingToIndexReportsIt() throws IOException {
        Path root = tmp.resolve("empty");
        Files.createDirectories(root.resolve("Images_png"));
        Files.writeString(root.resolve("DL_info.csv"), String.join(",", org.lesionsearch.indexer.deeplesion.DeepLesionCsvReader.COLUMNS) + "\n");
        Path indexDir = tmp.resolve("index");
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder encoder = new PatchPoolingTestEncoder()) {
            IngestSummary s = new IngestPipeline(encoder, index, IngestOptions.forIndex(indexDir), ProgressListener.NONE)
                    .run(new DeepLesionSource(root));
            assertThat(s.nothingIndexed()).isTrue();
        }
        // the folder stays a valid index even though nothing was written
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults())) {
            assertThat(index.count(Filter.all())).isZero();
        }
    }

    private static int indexOf(List<String> lines, String fileName) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(fileName + ",")) {
                return i;
            }
        }
        throw new IllegalArgumentException(fileName);
    }

    /** A DeepLesion folder with the real sample's key slices and their rows. */
    static Path copySample(Path dir) throws IOException {
        Path real = SharedTestData.deepLesion();
        List<String> rows = Files.readAllLines(real.resolve("DL_info_val.csv"));
        List<String> kept = new ArrayList<>(List.of(rows.getFirst()));
        try (var files = Files.walk(real.resolve("Images_png"))) {
            for (Path png : files.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                Path target = dir.resolve(real.relativize(png));
                Files.createDirectories(target.getParent());
                Files.copy(png, target);
                String name = png.getParent().getFileName() + "_" + png.getFileName();
                rows.stream().filter(r -> r.startsWith(name + ",")).forEach(kept::add);
            }
        }
        Files.write(dir.resolve("DL_info.csv"), kept);
        return dir;
    }
}
