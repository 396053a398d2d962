package org.lesionsearch.server.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.lesionsearch.models.text.LabelMiningScores;

/** Prints label mining figures as a table. */
final class LabelMiningTable {

    private static final String ROW = "%-26s %6s %6s %6s %6s  %9s %7s %7s%n";
    private static final String FIGURES = "%-26s %6d %6d %6d %6d  %9.4f %7.4f %7.4f%n";

    private final PrintWriter out;

    LabelMiningTable(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param scores      the main figures
     * @param alternative the same set scored with uncertain labels counted the other way
     * @param steps       micro figures of the baseline and of the miner without one step each
     */
    void print(LabelMiningScores scores, LabelMiningScores alternative,
               Map<String, LabelMiningScores.GroupScores> steps) {
        out.printf("Label mining on %s: %d sentences, %s labels, uncertain labels %s%n", scores.source(),
                scores.sentences(), scores.labelScope(), scores.uncertainCounted() ? "counted as predicted" : "not counted");
        out.println();
        out.printf(ROW, "", "labels", "tp", "fp", "fn", "precision", "recall", "f1");
        micro("micro", scores.overall());
        macro("macro", scores.overall());
        for (LabelMiningScores.GroupScores group : scores.byClass()) {
            micro(group.group() + " micro", group);
            macro(group.group() + " macro", group);
        }
        micro(alternative.uncertainCounted() ? "micro, with uncertain" : "micro, relevant only", alternative.overall());
        if (!steps.isEmpty()) {
            out.println();
            out.println("Baseline and steps (micro):");
            out.printf(ROW, "", "labels", "tp", "fp", "fn", "precision", "recall", "f1");
            micro("miner", scores.overall());
            steps.forEach(this::micro);
        }
        if (!scores.worstLabels().isEmpty()) {
            out.println();
            out.println("Labels with most errors:");
            out.printf("  %-30s %-12s %5s %5s %5s%n", "label", "class", "tp", "fp", "fn");
            for (LabelMiningScores.LabelCounts c : scores.worstLabels()) {
                out.printf("  %-30s %-12s %5d %5d %5d%n", c.label(), c.labelClass(), c.tp(), c.fp(), c.fn());
            }
        }
        if (!scores.problems().isEmpty()) {
            out.println();
            out.println("Problems in the file:");
            scores.problems().forEach(p -> out.println("  " + p));
        }
    }

    private void micro(String name, LabelMiningScores.GroupScores group) {
        out.printf(FIGURES, name, group.labels(), group.tp(), group.fp(), group.fn(), group.micro().precision(),
                group.micro().recall(), group.micro().f1());
    }

    private void macro(String name, LabelMiningScores.GroupScores group) {
        out.printf("%-26s %6d %6s %6s %6s  %9.4f %7.4f %7.4f%n", name, group.labels(), "", "", "",
                group.macro().precision(), group.macro().recall(), group.macro().f1());
    }
}
