package org.lesionsearch.core.ontology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code lesion_ontology.csv}: {@code id,class,term,synonyms,num_detected,term_exclusive,
 * term_parents,term_children}, list cells separated by " | ". Rows may leave out trailing empty
 * cells or carry extra empty ones (the file was exported from a spreadsheet).
 */
final class OntologyCsvReader {

    static final List<String> COLUMNS = List.of("id", "class", "term", "synonyms", "num_detected",
            "term_exclusive", "term_parents", "term_children");
    private static final String LIST_SEPARATOR = "\\s+\\|\\s+|\\s*\\|\\s*";

    /** One row as written in the file, before names are linked. */
    record Row(int line, int id, LabelClass labelClass, String term, List<String> synonyms, int timesDetected,
               List<String> exclusive, List<String> parents, List<String> children) {
    }

    private OntologyCsvReader() {
    }

    static List<Row> read(InputStream csv, String source) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new IOException(source + ": empty file, expected header " + String.join(",", COLUMNS));
            }
            Map<String, Integer> column = columns(stripBom(header), source);
            List<Row> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    rows.add(row(splitCsv(line, source, lineNo), column, source, lineNo));
                }
            }
            if (rows.isEmpty()) {
                throw new IOException(source + ": no terms after the header");
            }
            return rows;
        }
    }

    private static Map<String, Integer> columns(String header, String source) throws IOException {
        List<String> names = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            column.put(names.get(i), i);
        }
        for (String required : COLUMNS) {
            if (!column.containsKey(required)) {
                throw new IOException(source + ": header lacks column '" + required + "' (found " + header + ")");
            }
        }
        return column;
    }

    private static Row row(List<String> cells, Map<String, Integer> column, String source, int lineNo)
            throws IOException {
        for (int i = column.size(); i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                throw new IOException(source + " line " + lineNo + ": unexpected value '" + cells.get(i)
                        + "' after the last column");
            }
        }
        String term = cell(cells, column, "term");
        if (term.isEmpty()) {
            throw new IOException(source + " line " + lineNo + ": column 'term' is empty");
        }
        LabelClass labelClass;
        try {
            labelClass = LabelClass.fromCsv(cell(cells, column, "class"));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " line " + lineNo + " (" + term + "): " + e.getMessage(), e);
        }
        int id = integer(cells, column, "id", source, lineNo, term, false);
        int detected = integer(cells, column, "num_detected", source, lineNo, term, true);
        List<String> synonyms = new ArrayList<>(list(cell(cells, column, "synonyms")));
        if (synonyms.stream().noneMatch(term::equalsIgnoreCase)) {
            synonyms.addFirst(term);
        }
        return new Row(lineNo, id, labelClass, term, synonyms, detected,
                list(cell(cells, column, "term_exclusive")), list(cell(cells, column, "term_parents")),
                list(cell(cells, column, "term_children")));
    }

    private static int integer(List<String> cells, Map<String, Integer> column, String name, String source,
                               int lineNo, String term, boolean optional) throws IOException {
        String text = cell(cells, column, name);
        if (text.isEmpty() && optional) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException(source + " line " + lineNo + " (" + term + "): column '" + name
                    + "' is not an integer: '" + text + "'", e);
        }
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String name) {
        int index = column.get(name);
        return index < cells.size() ? cells.get(index).trim() : "";
    }

    static List<String> list(String cell) {
        if (cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(LIST_SEPARATOR)).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }

    /** Splits one CSV line, honouring double-quoted cells. */
    static List<String> splitCsv(String line, String source, int lineNo) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IOException(source + " line " + lineNo + ": unterminated quoted cell");
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }
}
