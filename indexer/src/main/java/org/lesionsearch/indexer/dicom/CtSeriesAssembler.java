package org.lesionsearch.indexer.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Orders the image instances of one series by Image Position (Patient) along the slice normal
 * (the cross product of the row and column directions of Image Orientation (Patient)) and
 * checks that they form one stack: CT, single frame, one size, one pixel spacing, one
 * orientation, no two slices at one position.
 */
public final class CtSeriesAssembler {

    /** Geometry tolerances: direction cosines, relative pixel spacing, and mm along the normal. */
    static final double COSINE_TOLERANCE = 1e-3, SPACING_TOLERANCE = 1e-3, SAME_POSITION_MM = 1e-3;

    /** The series, or why it cannot be used. */
    public sealed interface Result {
        record Assembled(CtSeries series) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    public Result assemble(String seriesUid, List<DicomInstance> instances) {
        if (instances.isEmpty()) {
            return new Result.Refused("series " + seriesUid + " has no image instances");
        }
        Set<String> modalities = new LinkedHashSet<>();
        instances.forEach(i -> modalities.add(i.modality().isEmpty() ? "(no modality)" : i.modality()));
        if (!modalities.equals(Set.of("CT"))) {
            modalities.remove("CT");
            return new Result.Refused("modality " + String.join(", ", modalities) + " is not CT");
        }
        for (DicomInstance i : instances) {
            if (i.frames() != 1) {
                return new Result.Refused(i.name() + " is a multi-frame instance (" + i.frames() + " frames); one slice per instance is supported");
            }
            if (i.pixelSpacing() == null || i.pixelSpacing().length != 2 || !(i.spacingX() > 0 && i.spacingY() > 0)) {
                return new Result.Refused(i.name() + " has no usable Pixel Spacing (0028,0030)");
            }
        }
        List<String> geometries = new ArrayList<>();
        DicomInstance first = instances.getFirst();
        for (DicomInstance i : instances) {
            if (!sameGeometry(first, i)) {
                String g = geometry(i);
                if (geometries.isEmpty()) {
                    geometries.add(geometry(first));
                }
                if (!geometries.contains(g)) {
                    geometries.add(g);
                }
            }
        }
        if (!geometries.isEmpty()) {
            return new Result.Refused("series mixes " + geometries.size() + " geometries (" + String.join("; ", geometries)
                    + "); its slices do not form one stack");
        }
        if (instances.size() == 1) {
            Double t = first.sliceThickness();
            return new Result.Assembled(new CtSeries(seriesUid, instances, t == null ? Double.NaN : t));
        }
        for (DicomInstance i : instances) {
            if (i.imagePosition() == null || i.imagePosition().length != 3 || i.imageOrientation() == null
                    || i.imageOrientation().length != 6) {
                return new Result.Refused("cannot order the slices: " + i.name()
                        + " lacks Image Position (Patient) (0020,0032) or Image Orientation (Patient) (0020,0037)");
            }
        }
        double[] normal = normal(first.imageOrientation());
        List<DicomInstance> sorted = new ArrayList<>(instances);
        sorted.sort(Comparator.comparingDouble(i -> dot(normal, i.imagePosition())));
        double[] gaps = new double[sorted.size() - 1];
        for (int k = 1; k < sorted.size(); k++) {
            gaps[k - 1] = dot(normal, sorted.get(k).imagePosition()) - dot(normal, sorted.get(k - 1).imagePosition());
            if (gaps[k - 1] < SAME_POSITION_MM) {
                return new Result.Refused("two slices lie at the same position (" + sorted.get(k - 1).name() + " and "
                        + sorted.get(k).name() + "); the series holds more than one stack");
            }
        }
        Arrays.sort(gaps);
        return new Result.Assembled(new CtSeries(seriesUid, sorted, gaps[gaps.length / 2]));
    }

    private static boolean sameGeometry(DicomInstance a, DicomInstance b) {
        if (a.rows() != b.rows() || a.columns() != b.columns()) {
            return false;
        }
        for (int k = 0; k < 2; k++) {
            if (Math.abs(a.pixelSpacing()[k] - b.pixelSpacing()[k]) > SPACING_TOLERANCE * a.pixelSpacing()[k]) {
                return false;
            }
        }
        double[] oa = a.imageOrientation(), ob = b.imageOrientation();
        if (oa == null || ob == null || oa.length != 6 || ob.length != 6) {
            return (oa == null) == (ob == null);
        }
        for (int k = 0; k < 6; k++) {
            if (Math.abs(oa[k] - ob[k]) > COSINE_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static String geometry(DicomInstance i) {
        double[] o = i.imageOrientation();
        return String.format(Locale.ROOT, "%dx%d at %.3fx%.3f mm%s", i.columns(), i.rows(), i.spacingX(), i.spacingY(),
                o == null || o.length != 6 ? "" : String.format(Locale.ROOT, ", orientation %.2f\\%.2f\\%.2f\\%.2f\\%.2f\\%.2f",
                        o[0], o[1], o[2], o[3], o[4], o[5]));
    }

    static double[] normal(double[] o) {
        double[] n = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
        double len = Math.sqrt(dot(n, n));
        return len == 0 ? new double[] {0, 0, 1} : new double[] {n[0] / len, n[1] / len, n[2] / len};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
