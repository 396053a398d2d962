package org.lesionsearch.core.tracking.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Spacing;
import org.lesionsearch.core.tracking.MatchModel;

/**
 * Reads Deep Lesion Tracking (DLS) pairs ({@code dls_valid.json}): the same lesion in two studies
 * of one patient, in voxel coordinates of sub-volumes named
 * {@code <patient>_<study>_<series>_<first>-<last>.nii.gz}. Each distinct lesion becomes a lesion
 * record (no embedding): RECIST diameters as its size, and as its location the voxel centre in
 * millimetres (x and y from the image centre, z from the series' first slice, which DLS
 * series share), scaled by {@link #MM_PER_UNIT} and shifted so that x and y sit around 0.5.
 * Pairs linked through shared lesions form one instance; matching is scored on the listed pairs.
 */
public final class DlsPairsReader {

    /** Millimetres per unit of the locations built here (DeepLesion's are relative to the body instead). */
    public static final double MM_PER_UNIT = 1000;
    private static final Pattern VOLUME = Pattern.compile("(\\w+?)_(\\w+?)_(\\w+?)_(\\d+)-(\\d+)\\.nii\\.gz");
    private static final double IMAGE_CENTRE_PX = 256;

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * The match model for locations built here: same-lesion offsets of about 4 mm in x and y and
     * 5 mm in z after alignment, study offsets of about 20 mm (as measured on the DLS pairs).
     */
    public static MatchModel matchModel() {
        return MatchModel.defaults().withLocationSigma(0.004, 0.005).withTranslationSigma(0.02, 0.02);
    }

    public GroundTruthCohort read(Path file) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not readable as JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a JSON object of numbered pairs");
        }
        Map<String, Lesion> lesions = new LinkedHashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, Integer> perSlice = new HashMap<>();
        List<String[]> linked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> pair : root.properties()) {
            String where = file.getFileName() + " pair " + pair.getKey();
            String a = lesion(pair.getValue(), "source", where, lesions, perSlice);
            String b = lesion(pair.getValue(), "target", where, lesions, perSlice);
            union(parent, a, b);
            linked.add(new String[] {a, b});
        }
        java.util.Set<GroundTruthCohort.Pair> pairs = new java.util.HashSet<>();
        for (String[] l : linked) {
            pairs.add(new GroundTruthCohort.Pair(lesions.get(l[0]).id(), lesions.get(l[1]).id()));
        }
        Map<LesionId, String> instances = new HashMap<>();
        lesions.forEach((key, lesion) -> instances.put(lesion.id(), find(parent, key)));
        return new GroundTruthCohort("DLS pairs " + file.getFileName(), new ArrayList<>(lesions.values()), instances,
                false, pairs);
    }

    /** The id of the pair side's lesion, creating its record on first sight. */
    private static String lesion(JsonNode pair, String side, String where, Map<String, Lesion> lesions,
            Map<String, Integer> perSlice) throws IOException {
        String volume = text(pair, side, where);
        Matcher m = VOLUME.matcher(volume);
        if (!m.matches()) {
            throw new IOException(where + ": '" + side + "' is '" + volume
                    + "', not <patient>_<study>_<series>_<first>-<last>.nii.gz");
        }
        double[] centre = numbers(pair, side + " center", 3, where);
        double[] spacing = numbers(pair, side + " spacing", 3, where);
        double[] diameters = numbers(pair, side + " recist diameter", 2, where);
        double[] box = numbers(pair, side + " recist box", 4, where);
        String patient = m.group(1), study = patient + "_" + m.group(2), series = study + "_" + m.group(3);
        int slice = Integer.parseInt(m.group(4)) + (int) Math.round(centre[2]);
        String key = series + "_" + String.format("%03d", slice) + "@" + centre[0] + "," + centre[1];
        Lesion known = lesions.get(key);
        if (known != null) {
            return key;
        }
        int n = perSlice.merge(series + "_" + slice, 1, Integer::sum);
        String id = series + "_" + String.format("%03d", slice) + "_" + n;
        double xMm = (centre[0] - IMAGE_CENTRE_PX) * spacing[0];
        double yMm = (centre[1] - IMAGE_CENTRE_PX) * spacing[1];
        double zMm = slice * spacing[2];
        double longAxis = Math.max(diameters[0], diameters[1]), shortAxis = Math.min(diameters[0], diameters[1]);
        lesions.put(key, Lesion.builder(id).patientId(patient).studyId(study).seriesId(series).keySlice(slice)
                .recist(Recist.of(longAxis, shortAxis))
                .boundingBox(new BoundingBox(box[0], box[1], box[0] + box[2], box[1] + box[3]))
                .spacing(new Spacing(spacing[0], spacing[1], spacing[2]))
                .location(new BodyLocation(unit(0.5 + xMm / MM_PER_UNIT), unit(0.5 + yMm / MM_PER_UNIT),
                        unit(zMm / MM_PER_UNIT)))
                .source("dls:" + volume).build());
        return key;
    }

    private static double unit(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String text(JsonNode pair, String field, String where) throws IOException {
        JsonNode n = pair.get(field);
        if (n == null || !n.isTextual()) {
            throw new IOException(where + ": field '" + field + "' is missing or not text");
        }
        return n.asText();
    }

    private static double[] numbers(JsonNode pair, String field, int count, String where) throws IOException {
        JsonNode n = pair.get(field);
        if (n == null || !n.isArray() || n.size() < count) {
            throw new IOException(where + ": field '" + field + "' must be a list of " + count + " numbers");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            if (!n.get(i).isNumber() || !Double.isFinite(n.get(i).asDouble())) {
                throw new IOException(where + ": field '" + field + "'[" + i + "] is not a finite number");
            }
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    private static String find(Map<String, String> parent, String x) {
        String root = x;
        while (parent.containsKey(root) && !parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a), rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }
}
