package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.models.text.HandLabeledSet;
import org.lesionsearch.models.text.LabelMiningEvaluator;
import org.lesionsearch.models.text.LabelMiningScores;
import org.lesionsearch.models.text.MiningOptions;
import org.lesionsearch.models.text.ReportLabelMiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search eval-labels}: the report label miner against hand-labelled sentences. */
@Command(name = "eval-labels", mixinStandardHelpOptions = true,
        description = {"Scores the report label miner on hand-labelled sentences (LesaNet's format: a JSON array of"
                + " objects with text and expanded_terms, the relevant labels with their parents).",
            "Prints micro and macro precision, recall and F1, the same per class (body part, type, attribute),"
                + " the figures when uncertain labels are not counted, the labels with most errors, and beside them"
                + " the plain lexicon baseline and the miner with each of its steps left out."},
        footer = {"", "Examples:",
            "  lesion-search eval-labels --gold ../shared/data/lesanet/hand_labeled_dev_150.json",
            "  lesion-search eval-labels --gold hand_labeled.json --labels model --worst 20",
            "  lesion-search eval-labels --gold hand_labeled.json --json > label-mining.json"})
public final class EvalLabelsCommand implements Callable<Integer> {

    /** The baseline and the miner with one step left out, to show what each step adds. */
    private static final Map<String, MiningOptions> STEPS = steps();

    private static Map<String, MiningOptions> steps() {
        Map<String, MiningOptions> steps = new LinkedHashMap<>();
        steps.put("plain lexicon (baseline)", MiningOptions.plainLexicon());
        steps.put("without normalisation", MiningOptions.all().withNormalization(false));
        steps.put("without lexicon variants", MiningOptions.all().withLexiconVariants(false));
        steps.put("without nested mentions", MiningOptions.all().withNestedMentions(false));
        steps.put("without context rules", MiningOptions.all().withContextRules(false));
        steps.put("without composites", MiningOptions.all().withComposites(false));
        return Collections.unmodifiableMap(steps);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Hand-labelled sentences (JSON).")
    Path gold;

    @Option(names = "--labels", defaultValue = "all", paramLabel = "all|model",
            description = "Score every ontology name (all) or only the labeler's 171 labels (model); default: ${DEFAULT-VALUE}.")
    LabelMiningEvaluator.LabelScope labels;

    @Option(names = "--relevant-only", description = "Count only relevant labels as predicted (by default uncertain ones count too).")
    boolean relevantOnly;

    @Option(names = "--worst", defaultValue = "10", description = "How many labels with most errors to list (default: ${DEFAULT-VALUE}).")
    int worst;

    @Option(names = "--json", description = "Print the same figures as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(gold)) {
            err.println("error: " + gold + (Files.exists(gold) ? " is not a regular file" : " does not exist"));
            return 2;
        }
        LesionOntology ontology = LesionOntology.lesaNet();
        HandLabeledSet set;
        try {
            set = HandLabeledSet.read(gold, ontology);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (set.sentences().isEmpty()) {
            set.problems().forEach(p -> err.println("warning: " + p));
            err.println("error: " + gold + " holds no usable sentence");
            return 2;
        }
        LabelMiningEvaluator evaluator = new LabelMiningEvaluator(new ReportLabelMiner(ontology), ontology);
        LabelMiningScores scores = evaluator.evaluate(set, labels, !relevantOnly, Math.max(worst, 0));
        LabelMiningScores alternative = evaluator.evaluate(set, labels, relevantOnly, 0);
        Map<String, LabelMiningScores.GroupScores> steps = new LinkedHashMap<>();
        for (Map.Entry<String, MiningOptions> step : STEPS.entrySet()) {
            steps.put(step.getKey(), new LabelMiningEvaluator(new ReportLabelMiner(ontology, step.getValue()), ontology)
                    .evaluate(set, labels, !relevantOnly, 0).overall());
        }
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("scores", scores);
            figures.put(relevantOnly ? "withUncertain" : "relevantOnly", alternative.overall());
            figures.put("steps", steps);
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            new LabelMiningTable(out).print(scores, alternative, steps);
        }
        out.flush();
        return 0;
    }
}
