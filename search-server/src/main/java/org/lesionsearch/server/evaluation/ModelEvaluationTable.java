package org.lesionsearch.server.evaluation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.lesionsearch.models.evaluation.LabelScores;

/**
 * A {@link ModelEvaluationReport} as one table (embedder rankings side by side, labeler groups,
 * body-part regressor beside its constant baseline, the targets) or as JSON-ready maps with the
 * same figures.
 */
public final class ModelEvaluationTable {

    /** The issue's targets on the held-out synthetic split. */
    public static final double PRECISION_TARGET = 0.9;
    public static final double MATCHING_TARGET = 0.9;
    public static final double MEAN_AUC_TARGET = 0.9;

    private record RankingRow(String name, Function<ModelEvaluationReport.Ranking, String> value) {
    }

    private ModelEvaluationTable() {
    }

    public static void print(ModelEvaluationReport r, boolean perLabel, PrintWriter out) {
        ModelEvaluationReport.Sizes s = r.sizes();
        out.printf(Locale.ROOT, "model %s, %s split of %s%n", r.model(), r.split(), r.data());
        out.printf(Locale.ROOT, "%d lesions of %d patients in %d studies; %d of the %d labels present%n%n", s.lesions(), s.patients(),
                s.studies(), s.labelsPresent(), s.labels());
        printEmbedder(r, out);
        if (s.labelledLesions() == 0) {
            out.printf(Locale.ROOT, "labeler: no lesion of the split has labels (give --annotations with labels)%n%n");
        } else {
            printLabeler(r, perLabel, out);
        }
        printSliceScores(r, out);
        out.println("targets:");
        for (Target t : targets(r)) {
            out.printf(Locale.ROOT, "  %-36s >= %.2f  %8s  %s%n", t.name(), t.target(), fixed(t.value()), t.met() ? "met" : "NOT MET");
        }
        out.flush();
    }

    private static void printEmbedder(ModelEvaluationReport r, PrintWriter out) {
        int k = r.k();
        List<RankingRow> rows = List.of(
                new RankingRow("precision@" + k + ", same coarse type", g -> fixed(g.neighbours().typePrecision())),
                new RankingRow("mean location distance of top " + k, g -> fixed(g.neighbours().meanLocationDistance())),
                new RankingRow("mean size ratio of top " + k + " (larger/smaller)", g -> fixed(g.neighbours().meanSizeRatio())),
                new RankingRow("  retrieval queries", g -> Integer.toString(g.neighbours().queries())),
                new RankingRow("same-lesion matching across studies", g -> fixed(g.matching().value())),
                new RankingRow("  matching queries", g -> Integer.toString(g.matching().queries())));
        out.printf(Locale.ROOT, "%-44s", "embedder (neighbours of other patients)");
        for (ModelEvaluationReport.Ranking g : r.rankings()) {
            out.printf(Locale.ROOT, " %16s", g.name());
        }
        out.println();
        for (RankingRow row : rows) {
            out.printf(Locale.ROOT, "  %-42s", row.name());
            for (ModelEvaluationReport.Ranking g : r.rankings()) {
                out.printf(Locale.ROOT, " %16s", row.value().apply(g));
            }
            out.println();
        }
        out.printf(Locale.ROOT, "  (%d lesions with type, location and size; matching among %d located lesions;%n"
                + "   random: the expectation over all lesions of other patients, or of the other study)%n%n",
                r.sizes().retrievalLesions(), r.sizes().matchingLesions());
    }

    private static void printSliceScores(ModelEvaluationReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%-44s %16s %16s%n", "body-part regressor (SSBR)", "model", "predict mean z");
        out.printf(Locale.ROOT, "  %-42s %16s %16s%n", "order accuracy of slice pairs", fixed(r.sliceOrder().accuracy()),
                r.sliceOrder().pairs() == 0 ? "n/a" : fixed(0.5));
        out.printf(Locale.ROOT, "  %-42s %16s %16s%n", "mean |z error| of lesions", fixed(r.zError().meanAbsoluteError()),
                fixed(r.zError().meanPredictorError()));
        out.printf(Locale.ROOT, "  (%d slice pairs in %d runs of %d slices; %d lesions with a true z)%n%n", r.sliceOrder().pairs(),
                r.sizes().ssbrVolumes(), r.sizes().ssbrSlices(), r.zError().lesions());
    }

    private static void printLabeler(ModelEvaluationReport r, boolean perLabel, PrintWriter out) {
        ModelEvaluationReport.Sizes s = r.sizes();
        out.printf(Locale.ROOT, "%-28s %7s %9s %9s %10s %8s %8s%n", "labeler (bundle thresholds)", "labels", "AUC over",
                "mean AUC", "precision", "recall", "F1");
        for (ModelEvaluationReport.LabelGroup g : r.labelGroups()) {
            LabelScores.Macro m = g.macro();
            out.printf(Locale.ROOT, "  %-26s %7d %9d %9s %10s %8s %8s%n", g.labelClass() == null ? "mean over labels" : g.name(),
                    m.labels(), m.aucLabels(), fixed(m.meanAuc()), fixed(m.precision()), fixed(m.recall()), fixed(m.f1()));
        }
        LabelScores.Micro micro = r.labelMicro();
        out.printf(Locale.ROOT, "  %-26s %7d %9s %9s %10s %8s %8s%n", "micro (pooled)", s.labels(), "", "",
                fixed(micro.precision()), fixed(micro.recall()), fixed(micro.f1()));
        out.printf(Locale.ROOT, "  (%d lesions with labels; means over the labels present, micro pooled over all %d)%n",
                s.labelledLesions(), s.labels());
        if (perLabel) {
            out.printf(Locale.ROOT, "%n  %-32s %-10s %9s %9s %10s %8s %8s%n", "label", "class", "positives", "AUC", "precision",
                    "recall", "F1");
            for (ModelEvaluationReport.LabelRow row : r.perLabel()) {
                LabelScores.Label l = row.scores();
                if (l.positives() == 0) {
                    continue;
                }
                out.printf(Locale.ROOT, "  %-32s %-10s %9d %9s %10s %8s %8s%n", row.term(), ModelEvaluationReport.className(row.labelClass()),
                        l.positives(), fixed(l.auc()), fixed(l.precision()), fixed(l.recall()), fixed(l.f1()));
            }
        }
        out.println();
    }

    /** A figure the issue sets a target for. */
    public record Target(String name, double value, double target) {
        public boolean met() {
            return value >= target;
        }
    }

    public static List<Target> targets(ModelEvaluationReport r) {
        return List.of(
                new Target("precision@" + r.k() + " of coarse type", r.embedding().neighbours().typePrecision(), PRECISION_TARGET),
                new Target("same-lesion matching accuracy", r.embedding().matching().value(), MATCHING_TARGET),
                new Target("labeler mean AUC", r.allLabels().macro().meanAuc(), MEAN_AUC_TARGET));
    }

    /** The same figures for JSON; undefined rates are {@code null}. */
    public static Map<String, Object> json(ModelEvaluationReport r, boolean perLabel) {
        ModelEvaluationReport.Sizes s = r.sizes();
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("lesions", s.lesions());
        sizes.put("patients", s.patients());
        sizes.put("studies", s.studies());
        sizes.put("retrieval_lesions", s.retrievalLesions());
        sizes.put("matching_lesions", s.matchingLesions());
        sizes.put("labelled_lesions", s.labelledLesions());
        sizes.put("labels", s.labels());
        sizes.put("labels_present", s.labelsPresent());
        sizes.put("ssbr_volumes", s.ssbrVolumes());
        sizes.put("ssbr_slices", s.ssbrSlices());

        List<Map<String, Object>> rankings = new ArrayList<>();
        for (ModelEvaluationReport.Ranking g : r.rankings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ranking", g.name());
            m.put("precision_at_k_type", number(g.neighbours().typePrecision()));
            m.put("mean_location_distance", number(g.neighbours().meanLocationDistance()));
            m.put("mean_size_ratio", number(g.neighbours().meanSizeRatio()));
            m.put("retrieval_queries", g.neighbours().queries());
            m.put("matching_accuracy", number(g.matching().value()));
            m.put("matching_queries", g.matching().queries());
            rankings.add(m);
        }
        Map<String, Object> embedder = new LinkedHashMap<>();
        embedder.put("k", r.k());
        embedder.put("rankings", rankings);

        List<Map<String, Object>> groups = new ArrayList<>();
        for (ModelEvaluationReport.LabelGroup g : r.labelGroups()) {
            LabelScores.Macro m = g.macro();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", g.name());
            row.put("labels", m.labels());
            row.put("auc_labels", m.aucLabels());
            row.put("mean_auc", number(m.meanAuc()));
            row.put("precision", number(m.precision()));
            row.put("recall", number(m.recall()));
            row.put("f1", number(m.f1()));
            groups.add(row);
        }
        LabelScores.Micro micro = r.labelMicro();
        Map<String, Object> microMap = new LinkedHashMap<>();
        microMap.put("true_positives", micro.truePositives());
        microMap.put("false_positives", micro.falsePositives());
        microMap.put("false_negatives", micro.falseNegatives());
        microMap.put("precision", number(micro.precision()));
        microMap.put("recall", number(micro.recall()));
        microMap.put("f1", number(micro.f1()));
        Map<String, Object> labeler = new LinkedHashMap<>();
        labeler.put("thresholds", "bundle");
        labeler.put("macro", groups);
        labeler.put("micro", microMap);
        if (perLabel) {
            List<Map<String, Object>> labels = new ArrayList<>();
            for (ModelEvaluationReport.LabelRow row : r.perLabel()) {
                LabelScores.Label l = row.scores();
                if (l.positives() == 0) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", row.term());
                m.put("class", ModelEvaluationReport.className(row.labelClass()));
                m.put("positives", l.positives());
                m.put("auc", number(l.auc()));
                m.put("precision", number(l.precision()));
                m.put("recall", number(l.recall()));
                m.put("f1", number(l.f1()));
                labels.add(m);
            }
            labeler.put("per_label", labels);
        }

        Map<String, Object> ssbr = new LinkedHashMap<>();
        ssbr.put("order_accuracy", number(r.sliceOrder().accuracy()));
        ssbr.put("order_accuracy_constant_baseline", r.sliceOrder().pairs() == 0 ? null : 0.5);
        ssbr.put("slice_pairs", r.sliceOrder().pairs());
        ssbr.put("volumes", r.sliceOrder().volumes());
        ssbr.put("z_mean_absolute_error", number(r.zError().meanAbsoluteError()));
        ssbr.put("z_mean_absolute_error_mean_baseline", number(r.zError().meanPredictorError()));
        ssbr.put("z_lesions", r.zError().lesions());

        List<Map<String, Object>> targets = new ArrayList<>();
        for (Target t : targets(r)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("figure", t.name());
            m.put("value", number(t.value()));
            m.put("target", t.target());
            m.put("met", t.met());
            targets.add(m);
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", r.model());
        json.put("data", r.data());
        json.put("split", r.split());
        json.put("sizes", sizes);
        json.put("embedder", embedder);
        json.put("labeler", labeler);
        json.put("ssbr", ssbr);
        json.put("targets", targets);
        return json;
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String fixed(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
    }
}
