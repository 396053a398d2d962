package org.lesionsearch.core.ontology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 171 labels the LesaNet labeler predicts, in model output order, each with its class.
 * Loaded from {@code labels_171.csv} ({@code index,term,class}).
 */
public final class LabelVocabulary {

    public static final int SIZE = 171;
    private static final String RESOURCE = "labels_171.csv";

    private final List<String> terms;
    private final List<LabelClass> classes;
    private final Map<String, Integer> indexByTerm;

    private LabelVocabulary(List<String> terms, List<LabelClass> classes) {
        this.terms = List.copyOf(terms);
        this.classes = List.copyOf(classes);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            index.put(terms.get(i), i);
        }
        this.indexByTerm = Collections.unmodifiableMap(index);
    }

    /** The vocabulary shipped in this jar. */
    public static LabelVocabulary lesaNet171() {
        return Holder.DEFAULT;
    }

    public static LabelVocabulary read(InputStream csv, String name) throws IOException {
        List<String> terms = new ArrayList<>();
        List<LabelClass> classes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.trim().equals("index,term,class")) {
                throw new IOException(name + ": expected header 'index,term,class' but found '" + header + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 3) {
                    throw new IOException(name + " line " + lineNo + ": expected 3 columns but found " + cells.length);
                }
                int index = Integer.parseInt(cells[0].trim());
                if (index != terms.size()) {
                    throw new IOException(name + " line " + lineNo + ": expected index " + terms.size() + " but found " + index);
                }
                terms.add(cells[1].trim());
                classes.add(LabelClass.fromCsv(cells[2]));
            }
        }
        return new LabelVocabulary(terms, classes);
    }

    public int size() {
        return terms.size();
    }

    public List<String> terms() {
        return terms;
    }

    public String term(int index) {
        return terms.get(index);
    }

    public LabelClass labelClass(int index) {
        return classes.get(index);
    }

    public Optional<Integer> indexOf(String term) {
        return Optional.ofNullable(indexByTerm.get(term));
    }

    public boolean contains(String term) {
        return indexByTerm.containsKey(term);
    }

    public Optional<LabelClass> classOf(String term) {
        return indexOf(term).map(classes::get);
    }

    private static final class Holder {
        static final LabelVocabulary DEFAULT = load();

        private static LabelVocabulary load() {
            try (InputStream in = LabelVocabulary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the core jar");
                }
                return read(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
