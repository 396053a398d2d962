package org.lesionsearch.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.indexer.dicom.CtFixtures;
import org.lesionsearch.indexer.dicom.Tid1500Fixture;
import org.lesionsearch.indexer.source.DicomFolderSource;

class DicomIngestTest {

    @TempDir
    Path tmp;

    @Test
    void aDicomFolderWithSidecarAndSrMeasurementsIngestsWithLocationsFromTheSlices() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dicom"));
        String study = CtFixtures.uid(), series = CtFixtures.uid();
        String[] sop = new String[5];
        for (int k = 0; k < 5; k++) {
            sop[k] = CtFixtures.uid();
            CtFixtures.from(CtFixtures.ct512()).uids(study, series, sop[k]).z(2.0 * k).instanceNumber(k + 1)
                    .write(dir.resolve("slice" + k + ".dcm"));
        }
        // a slice whose transfer broke off inside its pixels: the header reads, the pixels do not
        String brokenSop = CtFixtures.uid();
        Path broken = CtFixtures.from(CtFixtures.ct512()).uids(study, CtFixtures.uid(), brokenSop).write(dir.resolve("broken.dcm"));
        byte[] b = Files.readAllBytes(broken);
        Files.write(broken, Arrays.copyOf(b, b.length - 100_000));
        Files.writeString(dir.resolve("measurements.csv"), """
                sop_instance_uid,recist_px,coarse_type
                %s,"200, 260, 240, 260, 220, 245, 220, 275",liver
                %s,"300, 200, 320, 200, 310, 192, 310, 208",lung
                %s,"200, 260, 240, 260",
                """.formatted(sop[2], sop[2], brokenSop));
        new Tid1500Fixture().group(Tid1500Fixture.Num.longAxis(15, sop[4], 250.5f, 300.5f, 270.5f, 300.5f),
                Tid1500Fixture.Num.shortAxis(9, sop[4], 260.5f, 294.5f, 260.5f, 306.5f))
                .write(dir.resolve("sr.dcm"), study, CtFixtures.uid(), CtFixtures.uid());

        Path indexDir = tmp.resolve("index");
        try (LuceneLesionIndex index = LuceneLesionIndex.open(indexDir, LuceneIndexOptions.defaults());
                PatchPoolingTestEncoder encoder = new PatchPoolingTestEncoder()) {
            IngestSummary summary = new IngestPipeline(encoder, index, IngestOptions.forIndex(indexDir), ProgressListener.NONE)
                    .run(new DicomFolderSource(dir));
            assertThat(summary.indexed()).isEqualTo(3);
            assertThat(summary.rejectedByStage()).isEqualTo(Map.of("prepare", 1L));
            assertThat(index.count(Filter.all())).isEqualTo(3);
            Lesion first = index.get(LesionId.of(sop[2] + "_1")).orElseThrow();
            assertThat(first.studyId()).isEqualTo(study);
            assertThat(first.keySlice()).isEqualTo(3);
            assertThat(first.recist().longAxisMm()).isEqualTo(40 * 0.661468, org.assertj.core.api.Assertions.within(1e-9));
            // x and y relative to the body in the slice, z from the encoder
            assertThat(first.location()).isNotNull();
            assertThat(first.location().x()).isBetween(0.2, 0.6);
            assertThat(first.location().y()).isBetween(0.3, 0.8);
            assertThat(first.thumbnail()).isEqualTo("thumbnails/" + sop[2] + "_1.png");
            assertThat(Files.exists(indexDir.resolve(first.thumbnail()))).isTrue();
            assertThat(index.get(LesionId.of(sop[2] + "_2")).orElseThrow().coarseType().label()).isEqualTo("lung");
            Lesion fromSr = index.get(LesionId.of(sop[4] + "_1")).orElseThrow();
            assertThat(fromSr.recist().longAxisMm()).isEqualTo(15.0);
            assertThat(fromSr.recist().shortAxisMm()).isEqualTo(9.0);
        }
        String reject = Files.readAllLines(indexDir.resolve("ingest-rejects.jsonl")).getFirst();
        assertThat(reject).contains("\"lesion\":\"" + brokenSop + "_1\"")
                .contains(broken + ": not a readable DICOM file (the Pixel Data (7FE0,0010) is truncated or corrupt)");
    }
}
