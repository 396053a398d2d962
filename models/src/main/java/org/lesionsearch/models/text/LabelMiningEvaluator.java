package org.lesionsearch.models.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LesionOntology;

/**
 * Scores mined labels against hand labels: each sentence is mined, its relevant labels (and,
 * unless told otherwise, its uncertain ones) with all parents are compared with the hand labels.
 * Micro figures pool every sentence-label decision; macro figures average per-label precision,
 * recall and F1 over the labels the hand labels use (an undefined precision counts as 0).
 */
public final class LabelMiningEvaluator {

    /** Which labels take part. */
    public enum LabelScope {
        /** Every ontology name, including names only relations use ("neoplasm"). */
        ALL,
        /** The 171 labels the labeler predicts. */
        MODEL
    }

    private final ReportLabelMiner miner;
    private final LesionOntology ontology;

    public LabelMiningEvaluator(ReportLabelMiner miner, LesionOntology ontology) {
        this.miner = miner;
        this.ontology = ontology;
    }

    public LabelMiningScores evaluate(HandLabeledSet set, LabelScope scope, boolean countUncertain, int worstLabels) {
        Predicate<String> inScope = scope == LabelScope.MODEL ? ontology.vocabulary()::contains : label -> true;
        Map<String, int[]> counts = new LinkedHashMap<>(); // label -> {tp, fp, fn}
        for (HandLabeledSentence sentence : set.sentences()) {
            MinedLabels mined = miner.mine(sentence.text());
            Set<String> predicted = new HashSet<>(countUncertain ? mined.relevantOrUncertain() : mined.relevant());
            predicted.removeIf(inScope.negate());
            Set<String> gold = new HashSet<>(sentence.expandedTerms());
            gold.removeIf(inScope.negate());
            for (String label : predicted) {
                counts.computeIfAbsent(label, k -> new int[3])[gold.contains(label) ? 0 : 1]++;
            }
            for (String label : gold) {
                if (!predicted.contains(label)) {
                    counts.computeIfAbsent(label, k -> new int[3])[2]++;
                }
            }
        }
        List<LabelMiningScores.LabelCounts> perLabel = new ArrayList<>();
        counts.forEach((label, c) -> perLabel.add(new LabelMiningScores.LabelCounts(label, className(label), c[0], c[1], c[2])));

        List<LabelMiningScores.GroupScores> byClass = new ArrayList<>();
        for (LabelClass labelClass : LabelClass.values()) {
            byClass.add(group(displayName(labelClass), perLabel, c -> c.labelClass().equals(displayName(labelClass))));
        }
        List<LabelMiningScores.LabelCounts> worst = perLabel.stream()
                .filter(c -> c.fp() + c.fn() > 0)
                .sorted(Comparator.comparingInt((LabelMiningScores.LabelCounts c) -> c.fp() + c.fn()).reversed()
                        .thenComparing(LabelMiningScores.LabelCounts::label))
                .limit(worstLabels)
                .toList();
        return new LabelMiningScores(set.source(), set.sentences().size(), scope.name().toLowerCase(Locale.ROOT),
                countUncertain, group("all", perLabel, c -> true), byClass, worst, set.problems());
    }

    private static LabelMiningScores.GroupScores group(String name, List<LabelMiningScores.LabelCounts> perLabel,
                                                       Predicate<LabelMiningScores.LabelCounts> member) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int labels = 0;
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (LabelMiningScores.LabelCounts c : perLabel) {
            if (!member.test(c)) {
                continue;
            }
            tp += c.tp();
            fp += c.fp();
            fn += c.fn();
            if (c.tp() + c.fn() > 0) {
                LabelMiningScores.Prf score = LabelMiningScores.Prf.of(c.tp(), c.fp(), c.fn());
                labels++;
                precision += score.precision();
                recall += score.recall();
                f1 += score.f1();
            }
        }
        LabelMiningScores.Prf macro = labels == 0 ? new LabelMiningScores.Prf(0, 0, 0)
                : new LabelMiningScores.Prf(precision / labels, recall / labels, f1 / labels);
        return new LabelMiningScores.GroupScores(name, labels, tp, fp, fn, LabelMiningScores.Prf.of(tp, fp, fn), macro);
    }

    private String className(String label) {
        Optional<LabelClass> labelClass = ontology.isKnownName(label) ? ontology.labelClassOf(label) : Optional.empty();
        return labelClass.map(LabelMiningEvaluator::displayName).orElse("unclassified");
    }

    static String displayName(LabelClass labelClass) {
        return switch (labelClass) {
            case BODY_PART -> "body part";
            case TYPE -> "type";
            case ATTRIBUTE -> "attribute";
        };
    }
}
