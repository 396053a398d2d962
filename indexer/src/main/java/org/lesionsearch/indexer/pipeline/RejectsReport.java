package org.lesionsearch.indexer.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lesionsearch.indexer.source.Rejection;

/**
 * The rejects report: one JSON object per line, {@code {"stage", "lesion", "file", "reason"}},
 * written as rejections happen so that it is complete even if the run dies.
 */
public final class RejectsReport implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final BufferedWriter out;
    private final Path file;

    public RejectsReport(Path file) throws IOException {
        this.file = file;
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    public Path file() {
        return file;
    }

    public synchronized void add(String stage, Rejection r) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("stage", stage);
        line.put("lesion", r.lesionId());
        line.put("file", r.file());
        line.put("reason", r.reason());
        out.write(json.writeValueAsString(line));
        out.newLine();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
