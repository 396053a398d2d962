package org.lesionsearch.server.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The texts {@code mine-labels} reads: plain text (one sentence or report), a CSV file with a text
 * column, or a JSON array of strings or of objects with a text field (the hand-labelled format).
 * Rows without a text are named in {@link #problems()} and the rest goes on.
 */
record MiningInput(List<Item> items, List<String> problems) {

    /** One text to mine, with where it came from ("line 3", "item 0"). */
    record Item(String source, String text) {
    }

    MiningInput {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    static MiningInput plain(String text) {
        return new MiningInput(text.isBlank() ? List.of() : List.of(new Item("input", text.strip())), List.of());
    }

    static MiningInput json(String content, String source, String field) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(content);
        } catch (JacksonException e) {
            throw new IOException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(source + ": expected a JSON array of strings or of objects with a '" + field + "' field");
        }
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            JsonNode text = node.isObject() ? node.get(field) : node;
            if (text == null || !text.isTextual()) {
                problems.add(source + " item " + i + ": no '" + field + "' string; left out");
            } else {
                items.add(new Item("item " + i, text.asText()));
            }
        }
        return new MiningInput(items, problems);
    }

    static MiningInput csv(String content, String source, String column) throws IOException {
        List<List<String>> rows = parseCsv(content, source);
        if (rows.isEmpty()) {
            throw new IOException(source + ": empty CSV file, expected a header with a '" + column + "' column");
        }
        List<String> header = rows.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int index = header.indexOf(column.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new IOException(source + ": the header has no '" + column + "' column (found " + String.join(",", header)
                    + "); name the column with --column");
        }
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (index >= row.size() || row.get(index).isBlank()) {
                problems.add(source + " row " + (r + 1) + ": column '" + column + "' is empty; left out");
            } else {
                items.add(new Item("row " + (r + 1), row.get(index)));
            }
        }
        return new MiningInput(items, problems);
    }

    /** RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String content, String source) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
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
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IOException(source + ": a quoted cell is not closed");
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
