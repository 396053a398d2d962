package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.models.text.LabelEvidence;
import org.lesionsearch.models.text.MinedLabels;
import org.lesionsearch.models.text.Reason;
import org.lesionsearch.models.text.ReportLabelMiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lesion-search mine-labels}: ontology labels of the lesion a report sentence describes. */
@Command(name = "mine-labels", mixinStandardHelpOptions = true,
        description = {"Mines lesion ontology labels from report text: relevant, uncertain and irrelevant labels,"
                + " each with the words that triggered it. Relevant and uncertain labels come with their parents.",
            "Input: a sentence on standard input (or --text), a CSV file with a text column, or a JSON array of"
                + " strings or of objects with a text field. With --report, each bookmark of the text"
                + " (BOOKMARK, a size such as (1.0 cm x 0.9 cm), or (series 4, image 136)) is mined from its sentence."},
        footer = {"", "Examples:",
            "  echo 'Hypodense lesion in the right hepatic lobe, likely a cyst' | lesion-search mine-labels",
            "  lesion-search mine-labels --text 'no evidence of liver metastasis'",
            "  lesion-search mine-labels --report report.txt",
            "  lesion-search mine-labels sentences.csv --column sentence --json",
            "  lesion-search mine-labels ../shared/data/lesanet/hand_labeled_dev_150.json"})
public final class MineLabelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Text, .csv or .json file; - or nothing for standard input.")
    String file;

    @Option(names = "--text", paramLabel = "TEXT", description = "Mine this text instead of reading input.")
    String text;

    @Option(names = "--report", description = "Treat each text as a whole report and mine every bookmark in it.")
    boolean report;

    @Option(names = "--column", defaultValue = "text",
            description = "CSV column or JSON field that holds the text (default: ${DEFAULT-VALUE}).")
    String column;

    @Option(names = "--no-parents", description = "List only the labels found, not the parents added to them.")
    boolean noParents;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MiningInput input;
        try {
            input = read();
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        input.problems().forEach(p -> err.println("warning: " + p));
        if (input.items().isEmpty()) {
            err.println("error: nothing to mine: the input holds no text");
            return 2;
        }
        ReportLabelMiner miner = new ReportLabelMiner(LesionOntology.lesaNet());
        List<Map<String, Object>> results = new ArrayList<>();
        for (MiningInput.Item item : input.items()) {
            List<MinedLabels> mined = report ? miner.mineReport(item.text()) : List.of(miner.mine(item.text()));
            if (mined.isEmpty()) {
                err.println("warning: " + item.source() + ": no bookmark reference found in the report");
            }
            for (MinedLabels labels : mined) {
                if (json) {
                    results.add(asJson(item, labels));
                } else {
                    print(item, labels, out);
                }
            }
        }
        if (json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
        return 0;
    }

    private MiningInput read() throws IOException {
        if (text != null) {
            return MiningInput.plain(text);
        }
        boolean stdin = file == null || file.equals("-");
        String content;
        if (stdin) {
            InputStream in = System.in; // not closed: it belongs to the process
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } else {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IOException(file + (Files.exists(path) ? " is not a regular file" : " does not exist"));
            }
            content = Files.readString(path, StandardCharsets.UTF_8);
        }
        String name = stdin ? "" : file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return MiningInput.json(content, file, column);
        }
        if (name.endsWith(".csv")) {
            return MiningInput.csv(content, file, column);
        }
        return MiningInput.plain(content);
    }

    private void print(MiningInput.Item item, MinedLabels labels, PrintWriter out) {
        out.println(item.source() + ": " + labels.sentence());
        List<LabelEvidence> shown = labels.evidence().stream()
                .filter(e -> !(noParents && e.reason() == Reason.PARENT)).toList();
        if (shown.isEmpty()) {
            out.println("  (no labels)");
        }
        for (LabelEvidence e : shown) {
            out.printf("  %-10s  %-28s  %s%n", e.relevance().name().toLowerCase(Locale.ROOT), e.label(), e.explanation());
        }
        labels.conflicts().forEach(c -> out.println("  note: " + c));
        out.println();
    }

    private static Map<String, Object> asJson(MiningInput.Item item, MinedLabels labels) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("source", item.source());
        result.put("sentence", labels.sentence());
        result.put("relevant", labels.relevant());
        result.put("uncertain", labels.uncertain());
        result.put("irrelevant", labels.irrelevant());
        List<Map<String, String>> evidence = new ArrayList<>();
        for (LabelEvidence e : labels.evidence()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("label", e.label());
            entry.put("relevance", e.relevance().name().toLowerCase(Locale.ROOT));
            entry.put("words", e.words());
            entry.put("reason", e.reason().words());
            entry.put("trigger", e.trigger());
            evidence.add(entry);
        }
        result.put("evidence", evidence);
        result.put("conflicts", labels.conflicts().stream().map(Object::toString).toList());
        return result;
    }
}
