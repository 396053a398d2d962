package org.lesionsearch.models.text;

import java.util.List;

/**
 * Label mining figures on a hand-labelled set.
 *
 * @param source           the hand-labelled file
 * @param sentences        how many sentences were scored
 * @param labelScope       "all" ontology names or the 171 "model" labels
 * @param uncertainCounted whether uncertain labels counted as predicted
 * @param overall          micro and macro figures over all labels
 * @param byClass          the same per class: body part, type, attribute
 * @param worstLabels      the labels with most errors (false positives plus false negatives)
 * @param problems         items of the file that were left out or labels it uses that are unknown
 */
public record LabelMiningScores(String source, int sentences, String labelScope, boolean uncertainCounted,
                                GroupScores overall, List<GroupScores> byClass, List<LabelCounts> worstLabels,
                                List<String> problems) {

    public LabelMiningScores {
        byClass = List.copyOf(byClass);
        worstLabels = List.copyOf(worstLabels);
        problems = List.copyOf(problems);
    }

    /** Precision, recall and F1. */
    public record Prf(double precision, double recall, double f1) {

        /** From counts; a ratio with nothing to divide by is 0. */
        public static Prf of(int tp, int fp, int fn) {
            double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Prf(precision, recall, f1);
        }
    }

    /**
     * Figures for a group of labels.
     *
     * @param labels how many labels of the group the hand labels use (the macro average's denominator)
     */
    public record GroupScores(String group, int labels, int tp, int fp, int fn, Prf micro, Prf macro) {
    }

    /** Decisions for one label over all sentences. */
    public record LabelCounts(String label, String labelClass, int tp, int fp, int fn) {
    }
}
