package org.lesionsearch.indexer.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.ContentItem;
import com.pixelmed.dicom.ContentItemFactory;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.StructuredReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads linear lesion measurements from DICOM SR measurement reports (TID 1500): every
 * Measurement Group (DCM 125007) with a long axis, short axis, length or diameter whose
 * SCOORD polyline lies on an image becomes one {@link Measurement}. With two lengths and no
 * axis named, the longer is the long axis. SR coordinates put pixel centres at half-integers;
 * they are moved to DeepLesion's integer centres.
 */
public final class SrMeasurementReader {

    static final String MEASUREMENT_GROUP = "125007";
    static final String IMAGE_REGION = "111030";
    static final Set<String> LONG_AXIS = Set.of("103339001", "G-A185");
    static final Set<String> SHORT_AXIS = Set.of("103340004", "G-A186");
    static final Set<String> LENGTH = Set.of("410668003", "G-D7FE", "81827009", "G-D705");

    /** What one SR held: measurements and the groups that could not be used. */
    public record Contents(List<Measurement> measurements, List<String> errors) {
        public Contents {
            measurements = List.copyOf(measurements);
            errors = List.copyOf(errors);
        }
    }

    private enum Kind { LONG, SHORT, LENGTH }

    private record Line(Kind kind, Double mm, double[] points, String sop) {
    }

    public Contents read(AttributeList list, String name) {
        List<Measurement> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        ContentItem root;
        try {
            root = (ContentItem) new StructuredReport(list).getRoot();
        } catch (DicomException | RuntimeException e) {
            errors.add(name + ": not a readable SR content tree (" + e.getMessage() + ")");
            return new Contents(out, errors);
        }
        if (root == null) {
            errors.add(name + ": the SR has no content");
            return new Contents(out, errors);
        }
        List<ContentItem> groups = new ArrayList<>();
        collectGroups(root, groups);
        for (int g = 0; g < groups.size(); g++) {
            String origin = name + " measurement group " + (g + 1);
            try {
                Measurement m = group(groups.get(g), origin);
                if (m != null) {
                    out.add(m);
                }
            } catch (IllegalArgumentException e) {
                errors.add(origin + ": " + e.getMessage());
            }
        }
        return new Contents(out, errors);
    }

    private static void collectGroups(ContentItem item, List<ContentItem> groups) {
        if ("CONTAINER".equals(item.getValueType()) && MEASUREMENT_GROUP.equals(item.getConceptNameCodeValue())) {
            groups.add(item);
            return;
        }
        for (int i = 0; i < item.getChildCount(); i++) {
            collectGroups((ContentItem) item.getChildAt(i), groups);
        }
    }

    /** The group's measurement, or {@code null} when it holds no linear measurement (e.g. a volume). */
    private static Measurement group(ContentItem group, String origin) {
        List<Line> lines = new ArrayList<>();
        String regionSop = null;
        for (int i = 0; i < group.getChildCount(); i++) {
            ContentItem c = (ContentItem) group.getChildAt(i);
            String type = c.getValueType(), code = c.getConceptNameCodeValue();
            if ("NUM".equals(type)) {
                Kind kind = LONG_AXIS.contains(code) ? Kind.LONG : SHORT_AXIS.contains(code) ? Kind.SHORT
                        : LENGTH.contains(code) ? Kind.LENGTH : null;
                if (kind != null) {
                    ContentItem scoord = child(c, "SCOORD");
                    double[] points = scoord == null ? null : polyline(scoord);
                    ContentItem image = scoord == null ? null : child(scoord, "IMAGE");
                    lines.add(new Line(kind, millimetres(c), points, image == null ? null : image.getReferencedSOPInstanceUID()));
                }
            } else if ("SCOORD".equals(type) && (IMAGE_REGION.equals(code) || regionSop == null)) {
                ContentItem image = child(c, "IMAGE");
                if (image != null) {
                    regionSop = image.getReferencedSOPInstanceUID();
                }
            } else if ("IMAGE".equals(type) && regionSop == null) {
                regionSop = c.getReferencedSOPInstanceUID();
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        Line longAxis = lines.stream().filter(l -> l.kind == Kind.LONG).findFirst().orElse(null);
        Line shortAxis = lines.stream().filter(l -> l.kind == Kind.SHORT).findFirst().orElse(null);
        List<Line> lengths = new ArrayList<>(lines.stream().filter(l -> l.kind == Kind.LENGTH).toList());
        lengths.sort((a, b) -> Double.compare(length(b), length(a)));
        if (longAxis == null && !lengths.isEmpty()) {
            longAxis = lengths.removeFirst();
        }
        if (shortAxis == null && !lengths.isEmpty()) {
            shortAxis = lengths.removeFirst();
        }
        if (longAxis == null) {
            throw new IllegalArgumentException("a short axis without a long axis");
        }
        if (longAxis.points == null) {
            throw new IllegalArgumentException("the long axis has no POLYLINE of two points on an image");
        }
        String sop = longAxis.sop != null ? longAxis.sop : regionSop;
        if (sop == null || sop.isBlank()) {
            throw new IllegalArgumentException("the measurement does not reference an image");
        }
        boolean withShort = shortAxis != null && shortAxis.points != null;
        double[] endpoints = new double[withShort ? 8 : 4];
        for (int k = 0; k < 4; k++) {
            endpoints[k] = longAxis.points[k] - 0.5;
            if (withShort) {
                endpoints[4 + k] = shortAxis.points[k] - 0.5;
            }
        }
        return new Measurement(sop, null, endpoints, longAxis.mm, shortAxis == null ? null : shortAxis.mm,
                null, null, null, null, origin);
    }

    private static double length(Line l) {
        if (l.mm != null) {
            return l.mm;
        }
        return l.points == null ? 0 : Math.hypot(l.points[2] - l.points[0], l.points[3] - l.points[1]);
    }

    private static ContentItem child(ContentItem item, String valueType) {
        for (int i = 0; i < item.getChildCount(); i++) {
            ContentItem c = (ContentItem) item.getChildAt(i);
            if (valueType.equals(c.getValueType())) {
                return c;
            }
        }
        return null;
    }

    private static double[] polyline(ContentItem scoord) {
        float[] data = scoord.getGraphicData();
        String type = scoord.getGraphicType();
        if (data == null || data.length != 4 || type == null || !type.trim().equals("POLYLINE")) {
            return null;
        }
        return new double[] {data[0], data[1], data[2], data[3]};
    }

    /** The value in mm, or {@code null} when absent or in units that are not a length. */
    private static Double millimetres(ContentItem num) {
        if (!(num instanceof ContentItemFactory.NumericContentItem n)) {
            return null;
        }
        String text = n.getNumericValue();
        if (text == null || text.isBlank()) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("measured value '" + text + "' is not a number");
        }
        CodedSequenceItem units = n.getUnits();
        String unit = units == null ? "mm" : units.getCodeValue().trim().toLowerCase(Locale.ROOT);
        double factor = switch (unit) {
            case "mm" -> 1;
            case "cm" -> 10;
            case "um" -> 1e-3;
            case "m" -> 1000;
            default -> throw new IllegalArgumentException("length in unit '" + units.getCodeValue() + "' is not a length unit");
        };
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("measured length " + value + " is not a non-negative number");
        }
        return value * factor;
    }
}
