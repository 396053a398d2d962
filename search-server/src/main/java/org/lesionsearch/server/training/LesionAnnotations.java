package org.lesionsearch.server.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What DL_info.csv does not say about a lesion, read from a sidecar: its labels, its report
 * sentence and its instance across studies. JSON lines (one object per lesion) or a JSON array;
 * the id is {@code lesion_id} (or {@code lesionId}, {@code id}), labels are {@code expandedLabels}
 * (or {@code labels}, {@code true_labels}, {@code expanded_terms}), the sentence {@code sentence} (or
 * {@code report_sentence}, {@code text}), the instance {@code instance_id} (or
 * {@code instanceId}, {@code instance}). The synthetic cohort's ground-truth file reads as is.
 */
public final class LesionAnnotations {

    /** One lesion's annotation; absent parts are empty or {@code null}. */
    public record Annotation(Set<String> labels, String sentence, String instance) {
    }

    private final Map<String, Annotation> byId;
    private final List<String> problems;

    private LesionAnnotations(Map<String, Annotation> byId, List<String> problems) {
        this.byId = byId;
        this.problems = List.copyOf(problems);
    }

    public static LesionAnnotations none() {
        return new LesionAnnotations(Map.of(), List.of());
    }

    /** Reads a sidecar; records it cannot use are listed in {@link #problems()} and skipped. */
    public static LesionAnnotations read(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.startsWith("[")) {
            mapper.readTree(text).forEach(records::add);
        } else {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        records.add(mapper.readTree(line));
                    } catch (IOException e) {
                        problems.add(file + " line " + number + ": not a JSON object (" + e.getMessage().lines().findFirst().orElse("") + ")");
                    }
                }
            }
        }
        Map<String, Annotation> byId = new HashMap<>();
        int index = 0;
        for (JsonNode node : records) {
            index++;
            Optional<String> id = text(node, "lesion_id", "lesionId", "id");
            if (id.isEmpty()) {
                problems.add(file + " record " + index + ": no lesion_id");
                continue;
            }
            Set<String> labels = new LinkedHashSet<>();
            for (String field : List.of("expandedLabels", "labels", "true_labels", "expanded_terms")) {
                if (node.has(field) && node.get(field).isArray()) {
                    node.get(field).forEach(l -> labels.add(l.asText()));
                    break;
                }
            }
            byId.put(id.get(), new Annotation(labels, text(node, "sentence", "report_sentence", "text").orElse(null),
                    text(node, "instance_id", "instanceId", "instance").orElse(null)));
        }
        return new LesionAnnotations(byId, problems);
    }

    private static Optional<String> text(JsonNode node, String... fields) {
        for (String f : fields) {
            if (node.hasNonNull(f)) {
                return Optional.of(node.get(f).asText());
            }
        }
        return Optional.empty();
    }

    public Optional<Annotation> get(String lesionId) {
        return Optional.ofNullable(byId.get(lesionId));
    }

    public int size() {
        return byId.size();
    }

    public List<String> problems() {
        return problems;
    }
}
