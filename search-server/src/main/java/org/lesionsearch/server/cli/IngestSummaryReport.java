package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lesionsearch.indexer.pipeline.IngestSummary;

/** Prints an {@link IngestSummary} as a table, or as JSON with the same figures. */
final class IngestSummaryReport {

    private IngestSummaryReport() {
    }

    static void table(IngestSummary s, PrintWriter out, int showRejected) {
        double seconds = s.elapsed().toNanos() / 1e9;
        List<String[]> rows = new ArrayList<>();
        rows.add(row("source", s.source()));
        rows.add(row("model", s.model()));
        rows.add(row("lesions in source", fmt(s.candidates())));
        rows.add(row("already indexed (skipped)", fmt(s.alreadyIndexed())));
        rows.add(row("indexed", fmt(s.indexed())));
        rows.add(row("rejected", fmt(s.rejected()) + (s.rejectedByStage().isEmpty() ? "" : "  " + stages(s.rejectedByStage()))));
        s.passedOver().forEach((what, n) -> rows.add(row("passed over", fmt(n) + " " + what)));
        rows.add(row("slices decoded", fmt(s.slicesDecoded())));
        rows.add(row("elapsed s", String.format(Locale.ROOT, "%,.2f", seconds)));
        rows.add(row("lesions/s", String.format(Locale.ROOT, "%,.1f", s.lesionsPerSecond())));
        rows.add(row("decode+patch s (all workers)", String.format(Locale.ROOT, "%,.2f", s.decodeTime().toNanos() / 1e9)));
        rows.add(row("model s", String.format(Locale.ROOT, "%,.2f", s.encodeTime().toNanos() / 1e9)));
        rows.add(row("write s", String.format(Locale.ROOT, "%,.2f", s.writeTime().toNanos() / 1e9)));
        rows.add(row("rejects report", s.rejectsFile()));
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        for (String[] r : rows) {
            out.printf(Locale.ROOT, "%-" + width + "s  %s%n", r[0], r[1]);
        }
        if (s.rejected() > 0 && showRejected > 0) {
            out.println();
            out.println("rejected:");
            for (String line : firstRejects(Path.of(s.rejectsFile()), showRejected)) {
                out.println("  " + line);
            }
            if (s.rejected() > showRejected) {
                out.println("  ... and " + (s.rejected() - showRejected) + " more in " + s.rejectsFile());
            }
        }
        if (s.nothingIndexed()) {
            out.println();
            out.println(s.candidates() == 0 ? "nothing to index: the source holds no measured lesions"
                    : "nothing could be indexed: every lesion was rejected (see " + s.rejectsFile() + ")");
        }
        out.flush();
    }

    static void json(IngestSummary s, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("source", s.source());
        o.put("model", s.model());
        o.put("lesionsInSource", s.candidates());
        o.put("alreadyIndexed", s.alreadyIndexed());
        o.put("indexed", s.indexed());
        o.put("rejected", s.rejected());
        ObjectNode stages = o.putObject("rejectedByStage");
        s.rejectedByStage().forEach(stages::put);
        ObjectNode passed = o.putObject("passedOver");
        s.passedOver().forEach(passed::put);
        o.put("slicesDecoded", s.slicesDecoded());
        o.put("elapsedSeconds", s.elapsed().toNanos() / 1e9);
        o.put("lesionsPerSecond", s.lesionsPerSecond());
        o.put("decodeSeconds", s.decodeTime().toNanos() / 1e9);
        o.put("modelSeconds", s.encodeTime().toNanos() / 1e9);
        o.put("writeSeconds", s.writeTime().toNanos() / 1e9);
        o.put("rejectsFile", s.rejectsFile());
        try {
            out.println(mapper.writeValueAsString(o));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static List<String> firstRejects(Path file, int n) {
        try (var lines = Files.lines(file)) {
            ObjectMapper mapper = new ObjectMapper();
            return lines.limit(n).map(line -> {
                try {
                    var r = mapper.readTree(line);
                    String lesion = r.get("lesion").isNull() ? "" : r.get("lesion").asText() + " ";
                    return r.get("stage").asText() + ": " + lesion + "(" + r.get("file").asText() + "): " + r.get("reason").asText();
                } catch (IOException e) {
                    return line;
                }
            }).toList();
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    private static String stages(Map<String, Long> byStage) {
        List<String> parts = new ArrayList<>();
        byStage.forEach((stage, n) -> parts.add(stage + " " + fmt(n)));
        return "(" + String.join(", ", parts) + ")";
    }

    private static String[] row(String name, String value) {
        return new String[] {name, value};
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
