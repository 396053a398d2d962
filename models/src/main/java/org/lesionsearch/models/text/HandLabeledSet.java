package org.lesionsearch.models.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.ontology.LesionOntology;

/**
 * Hand-labelled sentences in LesaNet's format: a JSON array of objects with {@code text},
 * {@code expanded_terms} and optionally {@code lesion_idx}. Items that cannot be read are left
 * out and named in {@link #problems()}; labels the ontology does not know are kept (they count as
 * missed) and named too.
 */
public record HandLabeledSet(String source, List<HandLabeledSentence> sentences, List<String> problems) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public HandLabeledSet {
        sentences = List.copyOf(sentences);
        problems = List.copyOf(problems);
    }

    public static HandLabeledSet read(Path file, LesionOntology ontology) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), ontology);
        }
    }

    public static HandLabeledSet read(InputStream json, String source, LesionOntology ontology) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IOException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(source + ": expected a JSON array of {\"text\", \"expanded_terms\"} objects");
        }
        List<HandLabeledSentence> sentences = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            String where = source + " item " + i;
            JsonNode text = item.get("text");
            JsonNode terms = item.get("expanded_terms");
            if (text == null || !text.isTextual()) {
                problems.add(where + ": field 'text' is missing or not a string; item left out");
                continue;
            }
            if (terms == null || !terms.isArray()) {
                problems.add(where + ": field 'expanded_terms' is missing or not an array; item left out");
                continue;
            }
            Set<String> labels = new LinkedHashSet<>();
            for (JsonNode term : terms) {
                if (!term.isTextual()) {
                    problems.add(where + ": a value of 'expanded_terms' is not a string: " + term);
                    continue;
                }
                if (!ontology.isKnownName(term.asText())) {
                    problems.add(where + ": label '" + term.asText() + "' is not an ontology name");
                }
                labels.add(term.asText());
            }
            JsonNode index = item.get("lesion_idx");
            sentences.add(new HandLabeledSentence(text.asText(), index != null && index.canConvertToInt() ? index.asInt() : -1,
                    labels));
        }
        return new HandLabeledSet(source, sentences, problems);
    }
}
