package org.lesionsearch.indexer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.indexer.dicom.CtFixtures;
import org.lesionsearch.indexer.dicom.Tid1500Fixture;
import org.lesionsearch.indexer.patch.HuSlice;

class DicomFolderSourceTest {

    static final double SPACING = 0.661468;

    @TempDir
    Path dir;

    final String study = CtFixtures.uid(), series = CtFixtures.uid();
    final String[] sop = new String[5];

    /** Five real 512x512 slices 2.5 mm apart, written in an order unlike their positions. */
    @BeforeEach
    void writeSeries() throws Exception {
        int[] nameOrder = {3, 0, 4, 1, 2};
        for (int k = 0; k < 5; k++) {
            sop[k] = CtFixtures.uid();
        }
        Files.createDirectories(dir.resolve("series"));
        for (int i = 0; i < 5; i++) {
            int k = nameOrder[i];
            CtFixtures.from(CtFixtures.ct512()).uids(study, series, sop[k]).z(-100 + 2.5 * k).instanceNumber(k + 1)
                    .shiftPixels(10 * k).write(dir.resolve("series/IM" + i));
        }
    }

    @Test
    void readsCtSeriesSidecarAndSrMeasurementsAsCandidates() throws Exception {
        Files.writeString(dir.resolve("measurements.csv"), """
                sop_instance_uid,measurement_number,recist_px,coarse_type
                %s,,"240, 250, 270, 250, 255, 240, 255, 260",liver
                %s,4,"100, 100, 120, 100, 110, 95, 110, 105",
                """.formatted(sop[2], sop[0]));
        Files.createDirectories(dir.resolve("sr"));
        new Tid1500Fixture().group(Tid1500Fixture.Num.longAxis(20, sop[3], 300.5f, 300.5f, 330.5f, 300.5f))
                .write(dir.resolve("sr/report.dcm"), study, CtFixtures.uid(), CtFixtures.uid());
        Files.writeString(dir.resolve("README.txt"), "scanner export");
        Files.createDirectories(dir.resolve(".incoming"));
        Files.writeString(dir.resolve(".incoming/instance-1.part"), "half an instance");

        SourceScan scan = new DicomFolderSource(dir).scan();
        assertThat(scan.rejections()).isEmpty();
        assertThat(scan.passedOver()).isEqualTo(Map.of(DicomFolderSource.PASSED_OVER_NOT_DICOM, 1L));
        assertThat(scan.series()).singleElement().satisfies(s -> assertThat(s.seriesKey()).isEqualTo(series));
        Map<String, LesionCandidate> byId = scan.series().getFirst().lesions().stream()
                .collect(Collectors.toMap(LesionCandidate::id, Function.identity()));
        assertThat(byId).containsOnlyKeys(sop[2] + "_1", sop[0] + "_4", sop[3] + "_1");

        LesionCandidate middle = byId.get(sop[2] + "_1");
        Lesion l = middle.lesion();
        assertThat(l.patientId()).isEqualTo("1CT1");
        assertThat(l.studyId()).isEqualTo(study);
        assertThat(l.seriesId()).isEqualTo(series);
        assertThat(l.keySlice()).isEqualTo(3);
        assertThat(l.coarseType()).isEqualTo(CoarseType.LIVER);
        assertThat(l.location()).isNull();
        assertThat(l.spacing().x()).isEqualTo(SPACING);
        assertThat(l.spacing().z()).isCloseTo(2.5, within(1e-6));
        assertThat(l.recist().longAxisMm()).isCloseTo(30 * SPACING, within(1e-9));
        assertThat(l.recist().shortAxisMm()).isCloseTo(20 * SPACING, within(1e-9));
        assertThat(l.boundingBox().x1()).isEqualTo(235.0);
        assertThat(l.source()).isEqualTo("dicom:" + dir.toAbsolutePath().normalize());
        // 2.5 mm apart: the adjacent slices by position, not by file name
        assertThat(middle.keySlice()).isEqualTo(sop[2]);
        assertThat(middle.below()).isEqualTo(sop[1]);
        assertThat(middle.above()).isEqualTo(sop[3]);
        // the first slice has no slice below it
        assertThat(byId.get(sop[0] + "_4").below()).isNull();
        assertThat(byId.get(sop[0] + "_4").lesion().coarseType()).isEqualTo(CoarseType.UNKNOWN);
        LesionCandidate fromSr = byId.get(sop[3] + "_1");
        assertThat(fromSr.lesion().recist().longAxisMm()).isEqualTo(20.0);
        assertThat(fromSr.lesion().recist().endpointsPx()).isNull();
        assertThat(fromSr.lesion().boundingBox().x1()).isEqualTo(295.0);

        HuSlice key = scan.series().getFirst().loader().load(sop[2]);
        HuSlice real = scan.series().getFirst().loader().load(sop[0]);
        assertThat(key.at(256, 256) - real.at(256, 256)).isEqualTo(20f);
    }

    @Test
    void badInstancesAreRejectedNamingFileAndReasonWhileTheRestGoesOn() throws Exception {
        String mixed = CtFixtures.uid(), mr = CtFixtures.uid(), noPixels = CtFixtures.uid();
        String mixedA = CtFixtures.uid(), mixedB = CtFixtures.uid(), mrSop = CtFixtures.uid();
        CtFixtures.from(CtFixtures.ct512()).uids(study, mixed, mixedA).z(0).write(dir.resolve("mixed-a.dcm"));
        CtFixtures.from(CtFixtures.ctSmall()).uids(study, mixed, mixedB).z(5).write(dir.resolve("mixed-b.dcm"));
        CtFixtures.from(CtFixtures.ctSmall()).uids(study, mr, mrSop).modality("MR").write(dir.resolve("mr.dcm"));
        CtFixtures.from(CtFixtures.ctSmall()).uids(study, CtFixtures.uid(), noPixels).remove(TagFromName.PixelData)
                .write(dir.resolve("nopixels.dcm"));
        Files.copy(dir.resolve("series/IM1"), dir.resolve("series/copy-of-IM1"));
        byte[] whole = Files.readAllBytes(dir.resolve("series/IM2"));
        Files.write(dir.resolve("truncated.dcm"), java.util.Arrays.copyOf(whole, 300));
        String missing = CtFixtures.uid();
        Files.writeString(dir.resolve("measurements.csv"), String.join("\n",
                "sop_instance_uid,recist_px",
                mixedA + ",\"10, 10, 20, 10\"",
                mrSop + ",\"10, 10, 20, 10\"",
                noPixels + ",\"10, 10, 20, 10\"",
                missing + ",\"10, 10, 20, 10\"",
                sop[2] + ",\"240, 250, 270, 250\"",
                sop[2] + ",\"10, 10\"", ""));

        SourceScan scan = new DicomFolderSource(dir).scan();
        assertThat(scan.lesionCount()).isEqualTo(1);
        assertThat(scan.series().getFirst().lesions().getFirst().id()).isEqualTo(sop[2] + "_1");
        List<String> reasons = scan.rejections().stream().map(Rejection::toString).toList();
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("(" + dir.resolve("truncated.dcm") + "): truncated DICOM file"));
        assertThat(reasons).contains(
                "(" + dir.resolve("series/copy-of-IM1") + "): duplicate SOP Instance UID " + sop[0] + ", also in "
                        + dir.resolve("series/IM1") + "; the first one is used",
                "(" + dir.resolve("nopixels.dcm") + "): image without Pixel Data (7FE0,0010)",
                "(" + dir.resolve("measurements.csv") + "): " + dir.resolve("measurements.csv")
                        + ":7: recist_px: expected 8 numbers (x11, y11, x12, y12, x21, y21, x22, y22) or 4 for one diameter, found 2",
                mrSop + "_1 (" + dir.resolve("mr.dcm") + "): modality MR is not CT",
                noPixels + "_1 (" + dir.resolve("nopixels.dcm") + "): the measured image has no Pixel Data (7FE0,0010)",
                missing + "_1 (" + dir.resolve("measurements.csv") + ":5): the measured image " + missing + " is not in the source");
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith(mixedA + "_1 (" + dir.resolve("mixed-a.dcm")
                + "): series mixes 2 geometries (512x512 at 0.661x0.661 mm"));
        assertThat(reasons).hasSize(8);
    }
}
