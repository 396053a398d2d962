package org.lesionsearch.core.lesion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.ontology.LabelVocabulary;

/**
 * Checks a lesion record before it is indexed: ids present, sizes and locations in range,
 * vectors of the right dimension, finite and L2-normalised, labels known to the vocabulary.
 */
public final class LesionValidator {

    /** Tolerance on |v| = 1; int8 quantisation and float rounding stay far inside it. */
    public static final double NORM_TOLERANCE = 1e-3;

    private final LabelVocabulary vocabulary;
    private final int embeddingDim;

    public LesionValidator(LabelVocabulary vocabulary) {
        this(vocabulary, Lesion.EMBEDDING_DIM);
    }

    public LesionValidator(LabelVocabulary vocabulary, int embeddingDim) {
        this.vocabulary = vocabulary;
        this.embeddingDim = embeddingDim;
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    /** Every problem found, empty when the lesion is valid. */
    public List<Violation> violations(Lesion lesion) {
        List<Violation> out = new ArrayList<>();
        if (lesion.id() == null) {
            out.add(new Violation("id", "is missing"));
        }
        requireText(out, "patientId", lesion.patientId());
        requireText(out, "studyId", lesion.studyId());
        if (lesion.keySlice() != null && lesion.keySlice() < 0) {
            out.add(new Violation("keySlice", "must not be negative, was " + lesion.keySlice()));
        }
        if (lesion.patientAge() != null && (lesion.patientAge() < 0 || lesion.patientAge() > 130)) {
            out.add(new Violation("patientAge", "must be between 0 and 130, was " + lesion.patientAge()));
        }
        Recist r = lesion.recist();
        if (r != null) {
            finiteNonNegative(out, "recist.longAxisMm", r.longAxisMm());
            finiteNonNegative(out, "recist.shortAxisMm", r.shortAxisMm());
            if (r.shortAxisMm() > r.longAxisMm() + 1e-6) {
                out.add(new Violation("recist.shortAxisMm", "(" + r.shortAxisMm() + ") must not exceed the long axis (" + r.longAxisMm() + ")"));
            }
            double[] p = r.endpointsPx();
            if (p != null && p.length != 8) {
                out.add(new Violation("recist.endpointsPx", "must hold 8 numbers (x11,y11,x12,y12,x21,y21,x22,y22), had " + p.length));
            } else if (p != null && !allFinite(p)) {
                out.add(new Violation("recist.endpointsPx", "contains NaN or infinite numbers"));
            }
        }
        BoundingBox b = lesion.boundingBox();
        if (b != null) {
            if (!allFinite(new double[] {b.x1(), b.y1(), b.x2(), b.y2()})) {
                out.add(new Violation("boundingBox", "contains NaN or infinite numbers"));
            } else if (b.x2() < b.x1() || b.y2() < b.y1()) {
                out.add(new Violation("boundingBox", "has negative size (x2 < x1 or y2 < y1)"));
            }
        }
        Spacing s = lesion.spacing();
        if (s != null && !(s.x() > 0 && s.y() > 0 && s.z() > 0 && allFinite(new double[] {s.x(), s.y(), s.z()}))) {
            out.add(new Violation("spacing", "must be positive and finite, was " + s));
        }
        BodyLocation loc = lesion.location();
        if (loc != null) {
            unitInterval(out, "location.x", loc.x());
            unitInterval(out, "location.y", loc.y());
            unitInterval(out, "location.z", loc.z());
        }
        float[] scores = lesion.labelScores();
        if (scores != null) {
            if (scores.length != vocabulary.size()) {
                out.add(new Violation("labelScores", "dimension mismatch: expected " + vocabulary.size() + " probabilities, got " + scores.length));
            } else {
                for (int i = 0; i < scores.length; i++) {
                    if (!(scores[i] >= 0f && scores[i] <= 1f)) {
                        out.add(new Violation("labelScores[" + i + "]", "(" + vocabulary.term(i) + ") must be a probability in [0, 1], was " + scores[i]));
                        break;
                    }
                }
            }
        }
        knownLabels(out, "labels", lesion.labels());
        knownLabels(out, "reportLabels", lesion.reportLabels());
        float[] e = lesion.embedding();
        if (e != null) {
            checkEmbedding(out, "embedding", e);
            if (lesion.model() == null) {
                out.add(new Violation("model", "is missing: an embedding must say which model produced it"));
            }
        }
        return out;
    }

    /** Throws {@link InvalidLesionException} naming every problem. */
    public Lesion validate(Lesion lesion) {
        List<Violation> v = violations(lesion);
        if (!v.isEmpty()) {
            throw new InvalidLesionException(lesion.id() == null ? null : lesion.id().value(), v);
        }
        return lesion;
    }

    /** Checks a query vector with the same rules as stored embeddings. */
    public List<Violation> vectorViolations(String field, float[] vector) {
        List<Violation> out = new ArrayList<>();
        checkEmbedding(out, field, vector);
        return out;
    }

    private void checkEmbedding(List<Violation> out, String field, float[] e) {
        if (e.length != embeddingDim) {
            out.add(new Violation(field, "dimension mismatch: expected " + embeddingDim + " floats, got " + e.length));
            return;
        }
        double norm = 0;
        for (int i = 0; i < e.length; i++) {
            if (!Float.isFinite(e[i])) {
                out.add(new Violation(field + "[" + i + "]", "is " + e[i] + "; vectors must be finite"));
                return;
            }
            norm += (double) e[i] * e[i];
        }
        norm = Math.sqrt(norm);
        if (Math.abs(norm - 1) > NORM_TOLERANCE) {
            out.add(new Violation(field, "is not L2-normalised (norm " + String.format(java.util.Locale.ROOT, "%.4f", norm) + ", expected 1)"));
        }
    }

    private void knownLabels(List<Violation> out, String field, Set<String> labels) {
        for (String label : labels) {
            if (!vocabulary.contains(label)) {
                out.add(new Violation(field, "unknown label '" + label + "' (not one of the " + vocabulary.size() + " model labels)"));
            }
        }
    }

    private static void requireText(List<Violation> out, String field, String value) {
        if (value == null || value.isBlank()) {
            out.add(new Violation(field, "is missing"));
        }
    }

    private static void finiteNonNegative(List<Violation> out, String field, double v) {
        if (!Double.isFinite(v)) {
            out.add(new Violation(field, "must be finite, was " + v));
        } else if (v < 0) {
            out.add(new Violation(field, "must not be negative, was " + v));
        }
    }

    private static void unitInterval(List<Violation> out, String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            out.add(new Violation(field, "must be in [0, 1], was " + v));
        }
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
