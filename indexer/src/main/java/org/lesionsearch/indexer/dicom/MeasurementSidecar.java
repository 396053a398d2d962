package org.lesionsearch.indexer.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.indexer.patch.HuWindow;

/**
 * Measurement sidecar files for DICOM folders: {@code measurements.csv} or
 * {@code measurements.json} (also {@code <anything>.measurements.csv|json}), one lesion per row
 * or object, keyed by SOP Instance UID.
 *
 * <p>Fields (names are matched ignoring case, underscores, hyphens and spaces):
 * <ul>
 * <li>{@code sop_instance_uid} (required): the image the lesion was measured on</li>
 * <li>{@code recist_px} (required; also {@code measurement_coordinates}): the long axis' end
 *     points then the short axis', {@code "x11, y11, x12, y12, x21, y21, x22, y22"} in pixels
 *     with pixel centres at integers, DeepLesion's convention; 4 numbers for a single diameter</li>
 * <li>{@code measurement_number}: the lesion's number on its image (default: file order)</li>
 * <li>{@code long_axis_mm}, {@code short_axis_mm}: as recorded (default: from the end points)</li>
 * <li>{@code bbox_px} (also {@code bounding_box}): {@code "x1, y1, x2, y2"} (default: the end
 *     points' extent plus 5 pixels, as DeepLesion)</li>
 * <li>{@code coarse_type}: a DeepLesion code 1..8 or a name such as {@code liver}</li>
 * <li>{@code location}: normalised {@code "x, y, z"} in [0, 1]</li>
 * <li>{@code window}: the reading window {@code "low, high"} in HU</li>
 * </ul>
 * In JSON, lists may be arrays or the same comma-separated strings; the file holds an array of
 * objects, an object with a {@code measurements} array, or an object keyed by SOP Instance UID
 * whose values are an object or an array of objects. A bad row becomes an error naming the
 * file, the line or entry and the field; the other rows are read on.
 */
public final class MeasurementSidecar {

    public static final List<String> CSV_COLUMNS = List.of("sop_instance_uid", "measurement_number", "recist_px",
            "long_axis_mm", "short_axis_mm", "bbox_px", "coarse_type", "location", "window");

    /** What one file held. */
    public record Contents(List<Measurement> measurements, List<String> errors) {
        public Contents {
            measurements = List.copyOf(measurements);
            errors = List.copyOf(errors);
        }
    }

    /** Whether a file is a sidecar by its name. */
    public static boolean isSidecar(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.equals("measurements.csv") || name.equals("measurements.json")
                || name.endsWith(".measurements.csv") || name.endsWith(".measurements.json");
    }

    public Contents read(Path file) throws IOException {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return json ? readJson(reader, file.toString()) : readCsv(reader, file.toString());
        }
    }

    public Contents readCsv(Reader reader, String name) throws IOException {
        List<Measurement> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader)) {
            if (!it.hasNextValue()) {
                throw new IOException(name + ": empty measurement file");
            }
            String[] header = it.nextValue();
            Map<String, Integer> column = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                column.put(key(header[i]), i);
            }
            for (String required : List.of("sopinstanceuid")) {
                if (!column.containsKey(required)) {
                    throw new IOException(name + ": not a measurement file, the sop_instance_uid column is missing");
                }
            }
            if (!column.containsKey("recistpx") && !column.containsKey("measurementcoordinates")) {
                throw new IOException(name + ": not a measurement file, the recist_px column is missing");
            }
            int line = 1;
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                line++;
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                String origin = name + ":" + line;
                if (cells.length != header.length) {
                    errors.add(origin + ": expected " + header.length + " columns, found " + cells.length);
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                column.forEach((k, i) -> fields.put(k, cells[i].trim()));
                try {
                    out.add(measurement(fields, origin));
                } catch (IllegalArgumentException e) {
                    errors.add(origin + ": " + e.getMessage());
                }
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(name + ": not a readable CSV file (" + e.getOriginalMessage() + ")", e);
        }
        return new Contents(out, errors);
    }

    public Contents readJson(Reader reader, String name) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(reader);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(name + ": not a readable JSON file (" + e.getOriginalMessage() + ")", e);
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (root instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                entries.add(Map.entry(name + "[" + i + "]", array.get(i)));
            }
        } else if (root instanceof ObjectNode object && object.get("measurements") instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                entries.add(Map.entry(name + " measurements[" + i + "]", array.get(i)));
            }
        } else if (root instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<JsonNode> items = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(items::add);
                } else {
                    items.add(e.getValue());
                }
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    if (item instanceof ObjectNode o && !o.has("sop_instance_uid") && !o.has("sopInstanceUid")) {
                        o = o.deepCopy();
                        o.put("sop_instance_uid", e.getKey());
                        item = o;
                    }
                    entries.add(Map.entry(name + " " + e.getKey() + "[" + i + "]", item));
                }
            }
        } else {
            throw new IOException(name + ": not a measurement file (expected an array or an object of measurements)");
        }
        List<Measurement> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : entries) {
            if (!(entry.getValue() instanceof ObjectNode object)) {
                errors.add(entry.getKey() + ": expected an object");
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            object.properties().forEach(p -> fields.put(key(p.getKey()), text(p.getValue())));
            try {
                out.add(measurement(fields, entry.getKey()));
            } catch (IllegalArgumentException e) {
                errors.add(entry.getKey() + ": " + e.getMessage());
            }
        }
        return new Contents(out, errors);
    }

    /** Writes measurements as a CSV sidecar with {@link #CSV_COLUMNS}. */
    public static void writeCsv(Path file, List<Measurement> measurements) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", CSV_COLUMNS));
            w.write('\n');
            for (Measurement m : measurements) {
                BoundingBox b = m.box();
                BodyLocation l = m.location();
                HuWindow win = m.window();
                w.write(String.join(",", m.sopInstanceUid(), m.number() == null ? "" : m.number().toString(),
                        quoted(m.endpointsPx()),
                        m.longAxisMm() == null ? "" : number(m.longAxisMm()),
                        m.shortAxisMm() == null ? "" : number(m.shortAxisMm()),
                        b == null ? "" : quoted(new double[] {b.x1(), b.y1(), b.x2(), b.y2()}),
                        m.coarseType() == null ? "" : Integer.toString(m.coarseType().code()),
                        l == null ? "" : quoted(new double[] {l.x(), l.y(), l.z()}),
                        win == null ? "" : quoted(new double[] {win.low(), win.high()})));
                w.write('\n');
            }
        }
    }

    private static Measurement measurement(Map<String, String> f, String origin) {
        String sop = f.getOrDefault("sopinstanceuid", "");
        if (sop.isEmpty()) {
            throw new IllegalArgumentException("sop_instance_uid is empty");
        }
        String recist = f.getOrDefault("recistpx", f.getOrDefault("measurementcoordinates", ""));
        double[] endpoints = numbers("recist_px", recist);
        if (endpoints.length != 4 && endpoints.length != 8) {
            throw new IllegalArgumentException("recist_px: expected 8 numbers (x11, y11, x12, y12, x21, y21, x22, y22)"
                    + " or 4 for one diameter, found " + endpoints.length);
        }
        String numberText = f.getOrDefault("measurementnumber", "");
        Integer number = null;
        if (!numberText.isEmpty()) {
            try {
                number = Integer.parseInt(numberText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("measurement_number: '" + numberText + "' is not a whole number");
            }
            if (number < 1) {
                throw new IllegalArgumentException("measurement_number: must be at least 1, was " + number);
            }
        }
        double[] box = optionalNumbers(f, "bboxpx", "bbox_px", 4);
        if (box == null) {
            box = optionalNumbers(f, "boundingbox", "bounding_box", 4);
        }
        double[] location = optionalNumbers(f, "location", "location", 3);
        double[] window = optionalNumbers(f, "window", "window", 2);
        String type = f.getOrDefault("coarsetype", "");
        CoarseType coarse;
        try {
            coarse = type.isEmpty() ? null : CoarseType.parse(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("coarse_type: " + e.getMessage());
        }
        HuWindow hu;
        try {
            hu = window == null ? null : HuWindow.of(window);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("window: " + e.getMessage());
        }
        return new Measurement(sop, number, endpoints, optionalNumber(f, "longaxismm", "long_axis_mm"),
                optionalNumber(f, "shortaxismm", "short_axis_mm"),
                box == null ? null : new BoundingBox(box[0], box[1], box[2], box[3]), coarse,
                location == null ? null : new BodyLocation(location[0], location[1], location[2]), hu, origin);
    }

    private static double[] optionalNumbers(Map<String, String> f, String key, String field, int count) {
        String t = f.getOrDefault(key, "");
        if (t.isEmpty()) {
            return null;
        }
        double[] v = numbers(field, t);
        if (v.length != count) {
            throw new IllegalArgumentException(field + ": expected " + count + " numbers, found " + v.length);
        }
        return v;
    }

    private static Double optionalNumber(Map<String, String> f, String key, String field) {
        String t = f.getOrDefault(key, "");
        if (t.isEmpty()) {
            return null;
        }
        double[] v = numbers(field, t);
        if (v.length != 1 || v[0] < 0) {
            throw new IllegalArgumentException(field + ": expected one non-negative number, found '" + t + "'");
        }
        return v[0];
    }

    private static double[] numbers(String field, String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.isBlank()) {
            return new double[0];
        }
        String[] parts = t.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": '" + parts[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException(field + ": " + parts[i].trim() + " is not a finite number");
            }
        }
        return out;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            StringJoiner j = new StringJoiner(", ");
            v.forEach(e -> j.add(e.asText()));
            return j.toString();
        }
        return v.asText().trim();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String quoted(double[] values) {
        StringJoiner j = new StringJoiner(", ", "\"", "\"");
        for (double v : values) {
            j.add(number(v));
        }
        return j.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
