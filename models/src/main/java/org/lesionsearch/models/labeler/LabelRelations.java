package org.lesionsearch.models.labeler;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.core.ontology.LesionOntology;

/**
 * The ontology relations the labeler needs, by label index: which labels exclude each other
 * (to infer reliable negatives) and which labels are ancestors of each label (to expand
 * predictions to parents).
 */
public final class LabelRelations {

    private final LabelVocabulary vocabulary;
    private final BitSet[] exclusive;
    private final BitSet[] ancestors;

    private LabelRelations(LabelVocabulary vocabulary, BitSet[] exclusive, BitSet[] ancestors) {
        this.vocabulary = vocabulary;
        this.exclusive = exclusive;
        this.ancestors = ancestors;
    }

    /**
     * @param exclusive whether two labels (terms of the vocabulary) cannot both be true
     * @param ancestors all ancestors of a label; those outside the vocabulary are ignored
     */
    public static LabelRelations of(LabelVocabulary vocabulary, BiPredicate<String, String> exclusive,
                                    Function<String, Set<String>> ancestors) {
        int n = vocabulary.size();
        BitSet[] ex = new BitSet[n];
        BitSet[] anc = new BitSet[n];
        for (int i = 0; i < n; i++) {
            ex[i] = new BitSet(n);
            anc[i] = new BitSet(n);
            for (int j = 0; j < n; j++) {
                if (i != j && exclusive.test(vocabulary.term(i), vocabulary.term(j))) {
                    ex[i].set(j);
                }
            }
            for (String a : ancestors.apply(vocabulary.term(i))) {
                vocabulary.indexOf(a).ifPresent(anc[i]::set);
            }
        }
        for (int i = 0; i < n; i++) { // exclusion is symmetric even when declared one way
            for (int j = ex[i].nextSetBit(0); j >= 0; j = ex[i].nextSetBit(j + 1)) {
                ex[j].set(i);
            }
        }
        return new LabelRelations(vocabulary, ex, anc);
    }

    /**
     * Relations of the LesaNet ontology: two labels are exclusive when they or their ancestors are
     * declared mutually exclusive (and neither is part of the other).
     */
    public static LabelRelations fromOntology(LesionOntology ontology) {
        return of(ontology.vocabulary(), (a, b) -> !ontology.exclusiveConflicts(List.of(a, b)).isEmpty(), ontology::ancestors);
    }

    /** Relations of the shipped ontology, computed once. */
    public static LabelRelations lesaNet() {
        return Shipped.RELATIONS;
    }

    private static final class Shipped {
        static final LabelRelations RELATIONS = fromOntology(LesionOntology.lesaNet());
    }

    /** No relations at all: every negative is unreliable and nothing expands. */
    public static LabelRelations none(LabelVocabulary vocabulary) {
        return of(vocabulary, (a, b) -> false, t -> Set.of());
    }

    public LabelVocabulary vocabulary() {
        return vocabulary;
    }

    public int size() {
        return vocabulary.size();
    }

    public boolean exclusive(int a, int b) {
        return exclusive[a].get(b);
    }

    /**
     * Reliable entries of a lesion's label vector: its positives, and the negatives that an
     * exclusive relation with one of its positives implies.
     */
    public BitSet reliable(BitSet positives) {
        BitSet reliable = (BitSet) positives.clone();
        for (int p = positives.nextSetBit(0); p >= 0; p = positives.nextSetBit(p + 1)) {
            reliable.or(exclusive[p]);
        }
        return reliable;
    }

    /** The labels plus all their ancestors in the vocabulary. */
    public BitSet expandParents(BitSet labels) {
        BitSet expanded = (BitSet) labels.clone();
        for (int l = labels.nextSetBit(0); l >= 0; l = labels.nextSetBit(l + 1)) {
            expanded.or(ancestors[l]);
        }
        return expanded;
    }

    /** Label indices of known terms; unknown terms are reported in the exception. */
    public BitSet indicesOf(Set<String> terms) {
        BitSet bits = new BitSet(size());
        List<String> unknown = new ArrayList<>();
        for (String t : terms) {
            vocabulary.indexOf(t).ifPresentOrElse(bits::set, () -> unknown.add(t));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown labels " + unknown + " (not among the " + size() + " model labels)");
        }
        return bits;
    }
}
