package org.lesionsearch.query.ast;

import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Sex;

/**
 * A filter expression of the query language. Constructors keep the tree canonical (nested
 * conjunctions and disjunctions are flattened, words are single words), so that printing and
 * re-parsing gives an equal tree.
 */
public sealed interface Expr {

    /**
     * Free words ("hypodense liver lesion"), resolved to ontology labels by the compiler, which
     * reads runs of words as multi-word terms ("left lower lobe").
     */
    record Text(List<String> words) implements Expr {
        public Text {
            words = List.copyOf(words);
            if (words.isEmpty()) {
                throw new IllegalArgumentException("text needs at least one word");
            }
            for (String w : words) {
                if (w.isEmpty() || w.codePoints().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("'" + w + "' is not a single word");
                }
            }
        }

        public static Text of(String... words) {
            return new Text(List.of(words));
        }
    }

    /** {@code label:}, {@code part:}, {@code type:} or {@code attr:} with one ontology term or synonym. */
    record Label(LabelScope scope, String label) implements Expr {
        public Label {
            if (scope == null) {
                throw new IllegalArgumentException("label scope is missing");
            }
            label = requireValue("label", label);
        }
    }

    /** {@code coarse:} DeepLesion's coarse lesion type. */
    record CoarseTypeIs(CoarseType type) implements Expr {
        public CoarseTypeIs {
            if (type == null) {
                throw new IllegalArgumentException("coarse type is missing");
            }
        }
    }

    record Patient(String id) implements Expr {
        public Patient {
            id = requireValue("patient id", id);
        }
    }

    record Study(String id) implements Expr {
        public Study {
            id = requireValue("study id", id);
        }
    }

    record SexIs(Sex sex) implements Expr {
        public SexIs {
            if (sex == null) {
                throw new IllegalArgumentException("sex is missing");
            }
        }
    }

    /**
     * A numeric range; a missing bound is open. A range with both bounds is inclusive on both
     * ({@code 10..30mm}); single bounds may be strict ({@code >10mm}).
     */
    record Range(RangeField field, Bound min, Bound max) implements Expr {
        public Range {
            if (field == null) {
                throw new IllegalArgumentException("range field is missing");
            }
            if (min == null && max == null) {
                throw new IllegalArgumentException(field.fieldName() + " needs at least one bound");
            }
            if (min != null && max != null) {
                if (!min.inclusive() || !max.inclusive()) {
                    throw new IllegalArgumentException(field.fieldName() + ": a range with two bounds includes both");
                }
                if (min.value() > max.value()) {
                    throw new IllegalArgumentException(field.fieldName() + ": the lower bound " + min.value()
                            + " is above the upper bound " + max.value());
                }
            }
            for (Bound b : new Bound[] {min, max}) {
                if (b != null && (b.value() < field.lowest() || b.value() > field.highest())) {
                    throw new IllegalArgumentException(field.fieldName() + " must be between " + field.lowest()
                            + " and " + field.highest() + field.unit() + ", was " + b.value());
                }
            }
        }

        public static Range between(RangeField field, double min, double max) {
            return new Range(field, Bound.inclusive(min), Bound.inclusive(max));
        }
    }

    record And(List<Expr> clauses) implements Expr {
        public And {
            clauses = flatten(clauses, And.class);
        }

        public static And of(Expr... clauses) {
            return new And(List.of(clauses));
        }
    }

    record Or(List<Expr> clauses) implements Expr {
        public Or {
            clauses = flatten(clauses, Or.class);
        }

        public static Or of(Expr... clauses) {
            return new Or(List.of(clauses));
        }
    }

    record Not(Expr clause) implements Expr {
        public Not {
            if (clause == null) {
                throw new IllegalArgumentException("NOT needs a clause");
            }
        }
    }

    /** One end of a {@link Range}. */
    record Bound(double value, boolean inclusive) {
        public Bound {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a bound must be a finite number, was " + value);
            }
            value = value == 0.0 ? 0.0 : value; // -0.0 and 0.0 are one bound
        }

        public static Bound inclusive(double value) {
            return new Bound(value, true);
        }

        public static Bound exclusive(double value) {
            return new Bound(value, false);
        }
    }

    private static String requireValue(String what, String value) {
        if (value == null || value.strip().isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value.strip();
    }

    private static List<Expr> flatten(List<Expr> clauses, Class<? extends Expr> kind) {
        List<Expr> flat = new ArrayList<>();
        for (Expr c : clauses) {
            if (c == null) {
                throw new IllegalArgumentException("a clause is missing");
            }
            if (kind.isInstance(c)) {
                flat.addAll(c instanceof And a ? a.clauses() : ((Or) c).clauses());
            } else {
                flat.add(c);
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException(kind.getSimpleName().toUpperCase(java.util.Locale.ROOT)
                    + " needs at least two clauses");
        }
        return List.copyOf(flat);
    }
}
