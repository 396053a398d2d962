package org.lesionsearch.indexer.deeplesion;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.lesion.Spacing;
import org.lesionsearch.indexer.patch.HuWindow;

/**
 * Reads DeepLesion's {@code DL_info.csv}. A row that cannot be parsed becomes a {@link RowError}
 * naming the file, the line and the column; the other rows are read on. A file without the
 * official header is refused as a whole.
 */
public final class DeepLesionCsvReader {

    /** The official columns, in DeepLesion's order. */
    public static final List<String> COLUMNS = List.of("File_name", "Patient_index", "Study_index", "Series_ID",
            "Key_slice_index", "Measurement_coordinates", "Bounding_boxes", "Lesion_diameters_Pixel_",
            "Normalized_lesion_location", "Coarse_lesion_type", "Possibly_noisy", "Slice_range", "Spacing_mm_px_",
            "Image_size", "DICOM_windows", "Patient_gender", "Patient_age", "Train_Val_Test");

    /** Everything read from one file: the good rows and one error per bad row. */
    public record Table(Path file, List<DeepLesionRow> rows, List<RowError> errors) {
        public Table {
            rows = List.copyOf(rows);
            errors = List.copyOf(errors);
        }
    }

    /** A row that was not read, with the reason. */
    public record RowError(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    public Table read(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(reader, csv);
        }
    }

    public Table read(Reader reader, Path file) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<DeepLesionRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader)) {
            if (!it.hasNextValue()) {
                throw new IOException(file + ": empty file, expected the DL_info.csv header " + String.join(",", COLUMNS));
            }
            int[] columnOf = headerIndexes(it.nextValue(), file);
            int line = 1;
            while (it.hasNextValue()) {
                String[] cells = it.nextValue();
                line = it.getCurrentLocation().getLineNr() - (endsRow(it) ? 1 : 0);
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (cells.length != COLUMNS.size()) {
                    errors.add(new RowError(file, line, "expected " + COLUMNS.size() + " columns, found " + cells.length));
                    continue;
                }
                try {
                    rows.add(parseRow(cells, columnOf, line));
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(file, line, e.getMessage()));
                }
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a readable CSV file (" + e.getOriginalMessage() + ")", e);
        }
        return new Table(file, rows, errors);
    }

    /** After a row the parser stands at the start of the next line, except at the end of the input. */
    private static boolean endsRow(MappingIterator<String[]> it) {
        return it.getCurrentLocation().getColumnNr() == 1;
    }

    private static int[] headerIndexes(String[] header, Path file) throws IOException {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            position.put(header[i].trim(), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !position.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IOException(file + ": not a DL_info.csv file, missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
        return COLUMNS.stream().mapToInt(position::get).toArray();
    }

    private static DeepLesionRow parseRow(String[] cells, int[] columnOf, int line) {
        Cells c = new Cells(cells, columnOf);
        String fileName = c.text(0);
        int patient = c.integer(1), study = c.integer(2), series = c.integer(3), keySlice = c.integer(4);
        String expectedName = String.format(Locale.ROOT, "%06d_%02d_%02d_%03d.png", patient, study, series, keySlice);
        if (!fileName.equals(expectedName)) {
            throw new IllegalArgumentException("File_name " + fileName + " disagrees with Patient_index, Study_index,"
                    + " Series_ID and Key_slice_index (expected " + expectedName + ")");
        }
        double[] coordinates = c.numbers(5, 8);
        double[] box = c.numbers(6, 4);
        double[] diameters = c.numbers(7, 2);
        double[] location = c.numbers(8, 3);
        int[] sliceRange = c.integers(11, 2);
        double[] spacing = c.numbers(12, 3);
        int[] size = c.integers(13, 2);
        double[] window = c.numbers(14, 2);
        if (sliceRange[0] > sliceRange[1] || !(keySlice >= sliceRange[0] && keySlice <= sliceRange[1])) {
            throw new IllegalArgumentException("Slice_range " + sliceRange[0] + ", " + sliceRange[1]
                    + " does not contain the key slice " + keySlice);
        }
        if (!(spacing[0] > 0 && spacing[1] > 0 && spacing[2] > 0)) {
            throw new IllegalArgumentException("Spacing_mm_px_ must be positive, was " + c.text(12));
        }
        if (size[0] < 1 || size[1] < 1) {
            throw new IllegalArgumentException("Image_size must be positive, was " + c.text(13));
        }
        HuWindow hu;
        try {
            hu = HuWindow.of(window);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DICOM_windows: " + e.getMessage());
        }
        return new DeepLesionRow(line, fileName, patient, study, series, keySlice, coordinates,
                new BoundingBox(box[0], box[1], box[2], box[3]), diameters[0], diameters[1],
                new BodyLocation(location[0], location[1], location[2]), c.parse(9, CoarseType::parse),
                c.flag(10), new DeepLesionRow.SliceRange(sliceRange[0], sliceRange[1]),
                new Spacing(spacing[0], spacing[1], spacing[2]), size[0], size[1], hu, c.parse(15, Sex::parse),
                c.optionalInteger(16), c.parse(17, t -> DeepLesionRow.Split.fromCode(Integer.parseInt(t))));
    }

    /** The cells of one row, parsed with errors that name the column. */
    private record Cells(String[] cells, int[] columnOf) {

        String text(int column) {
            return cells[columnOf[column]].trim();
        }

        <T> T parse(int column, java.util.function.Function<String, T> parser) {
            String t = text(column);
            try {
                return parser.apply(t);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(COLUMNS.get(column) + ": cannot read '" + t + "' ("
                        + (e instanceof NumberFormatException ? "not a number" : e.getMessage()) + ")");
            }
        }

        int integer(int column) {
            return parse(column, Integer::parseInt);
        }

        Integer optionalInteger(int column) {
            String t = text(column);
            if (t.isEmpty() || t.equalsIgnoreCase("nan")) {
                return null;
            }
            return parse(column, s -> (int) Math.round(Double.parseDouble(s)));
        }

        boolean flag(int column) {
            return parse(column, t -> switch (t) {
                case "0" -> false;
                case "1" -> true;
                default -> throw new IllegalArgumentException("expected 0 or 1");
            });
        }

        double[] numbers(int column, int count) {
            String t = text(column);
            String[] parts = t.isEmpty() ? new String[0] : t.split(",");
            if (parts.length != count) {
                throw new IllegalArgumentException(COLUMNS.get(column) + ": expected " + count + " numbers, found "
                        + parts.length + " in '" + t + "'");
            }
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                try {
                    out[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(COLUMNS.get(column) + ": '" + parts[i].trim() + "' is not a number");
                }
                if (!Double.isFinite(out[i])) {
                    throw new IllegalArgumentException(COLUMNS.get(column) + ": " + parts[i].trim() + " is not a finite number");
                }
            }
            return out;
        }

        int[] integers(int column, int count) {
            double[] d = numbers(column, count);
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                if (d[i] != Math.rint(d[i])) {
                    throw new IllegalArgumentException(COLUMNS.get(column) + ": " + d[i] + " is not a whole number");
                }
                out[i] = (int) d[i];
            }
            return out;
        }
    }
}
