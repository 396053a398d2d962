package org.lesionsearch.indexer.synth.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cohort's truth files, JSON lines: {@code ground_truth.jsonl} (one measured lesion a line)
 * and {@code studies.jsonl} (one study a line), with readers for evaluation and training.
 */
public final class GroundTruthFiles {

    public static final String LESIONS = "ground_truth.jsonl";
    public static final String STUDIES = "studies.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private GroundTruthFiles() {
    }

    public static void write(Path folder, List<GroundTruthRecord> lesions, List<StudyRecord> studies) throws IOException {
        writeLines(folder.resolve(LESIONS), lesions, MAPPER.writerFor(GroundTruthRecord.class));
        writeLines(folder.resolve(STUDIES), studies, MAPPER.writerFor(StudyRecord.class));
    }

    public static List<GroundTruthRecord> readLesions(Path file) throws IOException {
        return readLines(file, MAPPER.readerFor(GroundTruthRecord.class));
    }

    public static List<StudyRecord> readStudies(Path file) throws IOException {
        return readLines(file, MAPPER.readerFor(StudyRecord.class));
    }

    private static <T> void writeLines(Path file, List<T> items, ObjectWriter writer) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (T item : items) {
                w.write(writer.writeValueAsString(item));
                w.write('\n');
            }
        }
    }

    private static <T> List<T> readLines(Path file, ObjectReader reader) throws IOException {
        List<T> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(reader.readValue(line));
                } catch (IOException e) {
                    throw new IOException(file + ":" + number + ": not a ground-truth record (" + e.getMessage() + ")", e);
                }
            }
        }
        return out;
    }
}
