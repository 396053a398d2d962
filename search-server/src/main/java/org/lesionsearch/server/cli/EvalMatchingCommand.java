package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lesionsearch.core.index.IndexException;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.tracking.MatchModel;
import org.lesionsearch.core.tracking.evaluation.DlsPairsReader;
import org.lesionsearch.core.tracking.evaluation.GroundTruthCohort;
import org.lesionsearch.core.tracking.evaluation.MatchingEvaluator;
import org.lesionsearch.core.tracking.evaluation.MatchingReport;
import org.lesionsearch.server.evaluation.MatchingTable;
import org.lesionsearch.server.evaluation.SyntheticTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search eval-matching}: within-patient matching and tracks against ground truth. */
@Command(name = "eval-matching", mixinStandardHelpOptions = true,
        description = {"Scores within-patient lesion matching and tracking against ground truth: the synthetic"
                + " cohort's truth file (every lesion with its instance id), and Deep Lesion Tracking (DLS) pairs.",
            "Prints, per cohort, top-1 matching accuracy (beside the nearest-location baseline), false matches"
                + " for lesions absent from a study (new or gone, and the true lesion removed), and track purity."},
        footer = {"", "Examples:",
            "  lesion-search synth --patients 100 --seed 1 --out data/synth",
            "  lesion-search eval-matching --synthetic data/synth --dls ../shared/data/tracking/dls_valid.json",
            "  lesion-search eval-matching --synthetic data/synth --index data/synth-index",
            "  lesion-search eval-matching --dls ../shared/data/tracking/dls_valid.json --json"})
public final class EvalMatchingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--synthetic", paramLabel = "DIR",
            description = "A synthetic cohort folder (or its ground_truth.jsonl) written by 'lesion-search synth'.")
    Path synthetic;

    @Option(names = "--index", paramLabel = "DIR",
            description = "An index the synthetic cohort was ingested into: match its lesions (with embeddings and"
                    + " predicted labels) instead of the truth file's measurements.")
    Path index;

    @Option(names = "--dls", paramLabel = "FILE", description = "DLS pairs (dls_valid.json).")
    Path dls;

    @Option(names = "--json", description = "Print the same figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (synthetic == null && dls == null) {
            err.println("error: give --synthetic DIR, --dls FILE or both");
            return 2;
        }
        if (index != null && synthetic == null) {
            err.println("error: --index needs --synthetic (the truth file says which indexed lesions are the same)");
            return 2;
        }
        Map<String, MatchingReport> reports = new LinkedHashMap<>();
        if (synthetic != null) {
            Path truth = SyntheticTruth.truthFile(synthetic);
            if (!Files.isRegularFile(truth)) {
                err.println("error: " + truth + " does not exist; write a cohort with 'lesion-search synth' first");
                return 2;
            }
            GroundTruthCohort cohort;
            if (index != null) {
                try (LuceneLesionIndex lesions = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults())) {
                    SyntheticTruth.Indexed indexed = SyntheticTruth.readIndexed(synthetic, lesions);
                    if (indexed.missingFromIndex() > 0) {
                        err.println("note: " + indexed.missingFromIndex() + " lesions of " + truth
                                + " are not in the index and are left out");
                    }
                    cohort = indexed.cohort();
                } catch (IndexException e) {
                    err.println("error: " + e.getMessage());
                    return 2;
                }
            } else {
                cohort = SyntheticTruth.read(synthetic);
            }
            reports.put(index == null ? "synthetic" : "synthetic (index)",
                    new MatchingEvaluator(MatchModel.defaults()).evaluate(cohort));
        }
        if (dls != null) {
            if (!Files.isRegularFile(dls)) {
                err.println("error: " + dls + " does not exist");
                return 2;
            }
            reports.put("DLS pairs", new MatchingEvaluator(DlsPairsReader.matchModel())
                    .evaluate(new DlsPairsReader().read(dls)));
        }
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            reports.forEach((name, r) -> figures.put(name, MatchingTable.json(r)));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
            out.flush();
        } else {
            MatchingTable.print(reports, out);
        }
        return 0;
    }
}
