package org.lesionsearch.indexer.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.Sex;

class CtSeriesAssemblerTest {

    private final CtSeriesAssembler assembler = new CtSeriesAssembler();

    static DicomInstance slice(String sop, String modality, int size, double spacing, double[] position, double[] orientation) {
        return new DicomInstance(DicomData.of(Path.of(sop + ".dcm")), "1.2.840.10008.5.1.4.1.1.2", sop, "study", "series",
                modality, "p", Sex.F, 50, null, null, size, size, new double[] {spacing, spacing}, position, orientation,
                2.5, null, 1, true);
    }

    /**
     * Slices of any orientation come out ordered by their position along the normal, whatever
     * order they arrive in, with the median gap as the slice interval.
     */
    @Property(tries = 100)
    void ordersSlicesAlongTheNormalOfAnyOrientation(@ForAll @DoubleRange(min = -3.1, max = 3.1) double yaw,
            @ForAll @DoubleRange(min = -1.5, max = 1.5) double pitch, @ForAll @DoubleRange(min = 0.5, max = 5) double gap,
            @ForAll @IntRange(min = 2, max = 12) int count, @ForAll long seed) {
        double[] row = {Math.cos(yaw), Math.sin(yaw), 0};
        double[] col = {-Math.sin(yaw) * Math.cos(pitch), Math.cos(yaw) * Math.cos(pitch), Math.sin(pitch)};
        double[] orientation = {row[0], row[1], row[2], col[0], col[1], col[2]};
        double[] n = CtSeriesAssembler.normal(orientation);
        double[] origin = {-100, 50, 300};
        List<DicomInstance> slices = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            // in-plane offsets do not change the order along the normal
            double[] p = {origin[0] + k * gap * n[0] + 3 * row[0] * k, origin[1] + k * gap * n[1] + 3 * row[1] * k,
                    origin[2] + k * gap * n[2] + 3 * row[2] * k};
            slices.add(slice("s" + k, "CT", 64, 0.7, p, orientation));
        }
        List<DicomInstance> shuffled = new ArrayList<>(slices);
        Collections.shuffle(shuffled, new Random(seed));
        var result = assembler.assemble("series", shuffled);
        assertThat(result).isInstanceOf(CtSeriesAssembler.Result.Assembled.class);
        CtSeries series = ((CtSeriesAssembler.Result.Assembled) result).series();
        assertThat(series.slices()).extracting(DicomInstance::sopInstanceUid)
                .containsExactlyElementsOf(slices.stream().map(DicomInstance::sopInstanceUid).toList());
        assertThat(series.sliceInterval()).isCloseTo(gap, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(series.indexOf("s1")).isEqualTo(1);
    }

    @Test
    void refusesASeriesMixingTwoGeometries() {
        double[] axial = {1, 0, 0, 0, 1, 0};
        var result = assembler.assemble("mixed", List.of(
                slice("a", "CT", 512, 0.66, new double[] {0, 0, 0}, axial),
                slice("b", "CT", 128, 0.66, new double[] {0, 0, 5}, axial),
                slice("c", "CT", 512, 0.66, new double[] {0, 0, 10}, axial)));
        assertThat(result).isEqualTo(new CtSeriesAssembler.Result.Refused(
                "series mixes 2 geometries (512x512 at 0.660x0.660 mm, orientation 1.00\\0.00\\0.00\\0.00\\1.00\\0.00;"
                        + " 128x128 at 0.660x0.660 mm, orientation 1.00\\0.00\\0.00\\0.00\\1.00\\0.00); its slices do not form one stack"));
        var tilted = assembler.assemble("tilted", List.of(slice("a", "CT", 64, 0.7, new double[] {0, 0, 0}, axial),
                slice("b", "CT", 64, 0.7, new double[] {0, 0, 5}, new double[] {1, 0, 0, 0, 0, -1})));
        assertThat(((CtSeriesAssembler.Result.Refused) tilted).reason()).startsWith("series mixes 2 geometries");
    }

    @Test
    void refusesOtherModalitiesTwoStacksAndUnorderableSlices() {
        double[] axial = {1, 0, 0, 0, 1, 0};
        assertThat(assembler.assemble("mr", List.of(slice("a", "MR", 64, 1, new double[] {0, 0, 0}, axial))))
                .isEqualTo(new CtSeriesAssembler.Result.Refused("modality MR is not CT"));
        var twoStacks = assembler.assemble("two", List.of(slice("a", "CT", 64, 1, new double[] {0, 0, 0}, axial),
                slice("b", "CT", 64, 1, new double[] {0, 0, 0}, axial)));
        assertThat(((CtSeriesAssembler.Result.Refused) twoStacks).reason())
                .isEqualTo("two slices lie at the same position (a.dcm and b.dcm); the series holds more than one stack");
        var unordered = assembler.assemble("u", List.of(slice("a", "CT", 64, 1, null, axial),
                slice("b", "CT", 64, 1, new double[] {0, 0, 1}, axial)));
        assertThat(((CtSeriesAssembler.Result.Refused) unordered).reason()).startsWith("cannot order the slices: a.dcm lacks");
        var single = assembler.assemble("one", List.of(slice("a", "CT", 64, 1, null, null)));
        assertThat(((CtSeriesAssembler.Result.Assembled) single).series().sliceInterval()).isEqualTo(2.5);
    }
}
