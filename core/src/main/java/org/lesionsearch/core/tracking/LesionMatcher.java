package org.lesionsearch.core.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;

/**
 * Within-patient matching: which lesion of another study is the same lesion as this one. Cues
 * are embedding similarity, location consistency and size plausibility (see {@link MatchModel}).
 * Two studies are first aligned, since a patient lies differently each time: the offset that
 * lets most lesions of one study find a plausible partner in the other wins, shrunk towards no
 * offset. Then all lesions of both studies are matched jointly, since one lesion has at most
 * one counterpart: the odds of every pair, with "no match" on either side, are balanced by
 * Sinkhorn iterations into match probabilities (optimal transport with a "no match" row and
 * column, as in SuperGlue), so that two lesions do not both claim the same partner. Thread-safe.
 */
public final class LesionMatcher {

    private static final int SINKHORN_ITERATIONS = 30;

    private final MatchModel model;

    public LesionMatcher(MatchModel model) {
        this.model = model;
    }

    public MatchModel model() {
        return model;
    }

    /**
     * The candidates for {@code query} in every other study of its patient, in chronological order.
     *
     * @param patientLesions every lesion of the query's patient (the query among them or not)
     */
    public List<StudyMatches> matches(Lesion query, List<Lesion> patientLesions) {
        List<StudyLesions> studies = StudyLesions.group(patientLesions);
        List<Lesion> own = studies.stream().filter(s -> s.studyId().equals(query.studyId())).findFirst()
                .map(StudyLesions::lesions).orElse(List.of(query));
        List<StudyMatches> out = new ArrayList<>();
        for (StudyLesions other : studies) {
            if (!other.studyId().equals(query.studyId())) {
                out.add(matchInto(query, own, other));
            }
        }
        return out;
    }

    /** The candidates for {@code query} (one of {@code queryStudy}) among the lesions of {@code other}. */
    public StudyMatches matchInto(Lesion query, List<Lesion> queryStudy, StudyLesions other) {
        List<Lesion> from = queryStudy.contains(query) ? queryStudy
                : Stream.concat(queryStudy.stream(), Stream.of(query)).toList();
        return matchStudy(from, other).get(from.indexOf(query));
    }

    /**
     * The candidates in {@code other} for every lesion of {@code from} (one study), in the order
     * of {@code from}, matched jointly after aligning the two studies once.
     */
    public List<StudyMatches> matchStudy(List<Lesion> from, StudyLesions other) {
        return matchStudy(from, other, align(from, other.lesions()));
    }

    /** As {@link #matchStudy(List, StudyLesions)} with a known alignment. */
    public List<StudyMatches> matchStudy(List<Lesion> from, StudyLesions other, Translation t) {
        List<Lesion> candidates = other.lesions();
        int na = from.size(), nb = candidates.size();
        List<StudyMatches> out = new ArrayList<>(na);
        if (nb == 0) {
            for (int i = 0; i < na; i++) {
                out.add(new StudyMatches(other.studyId(), other.date(), t, List.of(), 1));
            }
            return out;
        }
        MatchEvidence[][] evidence = new MatchEvidence[na][nb];
        double[][] logOdds = new double[na][nb];
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                evidence[i][j] = evidence(from.get(i), candidates.get(j), t);
                logOdds[i][j] = evidence[i][j].logOdds();
            }
        }
        double[][] p = jointProbabilities(logOdds);
        for (int i = 0; i < na; i++) {
            List<MatchCandidate> ranked = new ArrayList<>(nb);
            for (int j = 0; j < nb; j++) {
                ranked.add(new MatchCandidate(candidates.get(j), p[i][j], evidence[i][j]));
            }
            ranked.sort(Comparator.comparingDouble(MatchCandidate::probability).reversed()
                    .thenComparing(c -> c.lesion().id()));
            out.add(new StudyMatches(other.studyId(), other.date(), t, ranked, p[i][nb]));
        }
        return out;
    }

    /**
     * Match probabilities of every pair under the one-to-one constraint: the log-scores of the
     * pairs (prior included) and of "no match" on either side, scaled by Sinkhorn iterations
     * until every real lesion's row and column sums to 1 (the "no match" row and column take the
     * rest). Column {@code nb} of the result is each lesion's probability of no match.
     */
    double[][] jointProbabilities(double[][] logOdds) {
        int na = logOdds.length, nb = logOdds[0].length;
        double logNone = Math.log(model.noMatchPrior());
        double logEach = Math.log((1 - model.noMatchPrior()) / nb);
        double[][] z = new double[na + 1][nb + 1];
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                z[i][j] = logEach + logOdds[i][j];
            }
            z[i][nb] = logNone;
        }
        for (int j = 0; j < nb; j++) {
            z[na][j] = logNone;
        }
        double logRowsOfNone = Math.log(nb), logColumnsOfNone = Math.log(na);
        for (int iteration = 0; iteration < SINKHORN_ITERATIONS; iteration++) {
            for (int j = 0; j <= nb; j++) {
                double shift = (j == nb ? logColumnsOfNone : 0) - logSumExpColumn(z, j);
                for (int i = 0; i <= na; i++) {
                    z[i][j] += shift;
                }
            }
            for (int i = 0; i <= na; i++) {
                double shift = (i == na ? logRowsOfNone : 0) - logSumExp(z[i]);
                for (int j = 0; j <= nb; j++) {
                    z[i][j] += shift;
                }
            }
        }
        double[][] p = new double[na][nb + 1];
        for (int i = 0; i < na; i++) {
            for (int j = 0; j <= nb; j++) {
                p[i][j] = Math.exp(z[i][j]);
            }
        }
        return p;
    }

    private static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (double x : v) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }

    private static double logSumExpColumn(double[][] z, int j) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            max = Math.max(max, row[j]);
        }
        double sum = 0;
        for (double[] row : z) {
            sum += Math.exp(row[j] - max);
        }
        return max + Math.log(sum);
    }

    /**
     * The cues for {@code b} (in a study offset by {@code t} from {@code a}'s) being the same
     * lesion as {@code a}.
     */
    public MatchEvidence evidence(Lesion a, Lesion b, Translation t) {
        double logOdds = appearanceLogOdds(a, b);
        double distance = Double.NaN;
        if (a.location() != null && b.location() != null) {
            double dx = b.location().x() - t.dx() - a.location().x();
            double dy = b.location().y() - t.dy() - a.location().y();
            double dz = b.location().z() - t.dz() - a.location().z();
            distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
            logOdds += model.locationLogOdds(dx, dy, dz);
        }
        Double sa = a.sizeMm(), sb = b.sizeMm();
        double ratio = sa != null && sb != null && sa > 0 && sb > 0 ? sb / sa : Double.NaN;
        Boolean sameType = a.coarseType() == CoarseType.UNKNOWN || b.coarseType() == CoarseType.UNKNOWN ? null
                : a.coarseType() == b.coarseType();
        return new MatchEvidence(cosine(a, b), distance, ratio, sameType, logOdds);
    }

    /** Log-odds from everything but location: embedding, size, coarse type. */
    double appearanceLogOdds(Lesion a, Lesion b) {
        double logOdds = 0;
        double cos = cosine(a, b);
        if (!Double.isNaN(cos)) {
            logOdds += model.cosineLogOdds(cos);
        }
        Double sa = a.sizeMm(), sb = b.sizeMm();
        if (sa != null && sb != null && sa > 0 && sb > 0) {
            logOdds += model.sizeLogOdds(Math.log(sb / sa));
        }
        if (a.coarseType() != CoarseType.UNKNOWN && b.coarseType() != CoarseType.UNKNOWN) {
            logOdds += model.typeLogOdds(a.coarseType() != b.coarseType());
        }
        return logOdds;
    }

    /**
     * The offset between two studies' locations: every pairing of a lesion in one with a lesion
     * in the other proposes the offset that would make them coincide; the proposal under which
     * the lesions of {@code from} find the most plausible partners (prior included) wins and is
     * refined by least squares over its confident pairs.
     */
    public Translation align(List<Lesion> from, List<Lesion> to) {
        List<Lesion> a = from.stream().filter(l -> l.location() != null).toList();
        List<Lesion> b = to.stream().filter(l -> l.location() != null).toList();
        if (a.isEmpty() || b.isEmpty()) {
            return Translation.NONE;
        }
        double[][] appearance = new double[a.size()][b.size()];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                appearance[i][j] = appearanceLogOdds(a.get(i), b.get(j));
            }
        }
        Alignment alignment = new Alignment(a, b, appearance);
        Translation best = Translation.NONE;
        double bestScore = alignment.score(best);
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                Translation t = Translation.between(a.get(i).location(), b.get(j).location());
                double s = alignment.score(t);
                if (s > bestScore) {
                    best = t;
                    bestScore = s;
                }
            }
        }
        for (int round = 0; round < 3; round++) {
            Translation refined = alignment.refine(best);
            double s = alignment.score(refined);
            if (!(s > bestScore)) {
                break;
            }
            best = refined;
            bestScore = s;
        }
        return best;
    }

    private static double cosine(Lesion a, Lesion b) {
        float[] x = a.embedding(), y = b.embedding();
        if (x == null || y == null || x.length != y.length) {
            return Double.NaN;
        }
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        return dot;
    }

    /** Scores offsets between two studies with located lesions. */
    private final class Alignment {
        final List<Lesion> a, b;
        final double[][] appearance;
        final double logNone, logEach;

        Alignment(List<Lesion> a, List<Lesion> b, double[][] appearance) {
            this.a = a;
            this.b = b;
            this.appearance = appearance;
            this.logNone = Math.log(model.noMatchPrior());
            this.logEach = Math.log((1 - model.noMatchPrior()) / b.size());
        }

        double pairLogOdds(int i, int j, Translation t) {
            var la = a.get(i).location();
            var lb = b.get(j).location();
            return appearance[i][j] + model.locationLogOdds(lb.x() - t.dx() - la.x(), lb.y() - t.dy() - la.y(),
                    lb.z() - t.dz() - la.z());
        }

        /** Log likelihood of {@code from}'s lesions under the offset, plus the offset's log prior. */
        double score(Translation t) {
            double total = model.translationLogPrior(t);
            for (int i = 0; i < a.size(); i++) {
                double max = logNone;
                double[] terms = new double[b.size()];
                for (int j = 0; j < b.size(); j++) {
                    terms[j] = logEach + pairLogOdds(i, j, t);
                    max = Math.max(max, terms[j]);
                }
                double sum = Math.exp(logNone - max);
                for (double term : terms) {
                    sum += Math.exp(term - max);
                }
                total += max + Math.log(sum);
            }
            return total;
        }

        /** Least squares offset over the pairs of the best one-to-one assignment, shrunk by the prior. */
        Translation refine(Translation t) {
            double[][] weights = new double[a.size()][b.size()];
            for (int i = 0; i < a.size(); i++) {
                for (int j = 0; j < b.size(); j++) {
                    weights[i][j] = logEach + pairLogOdds(i, j, t) - logNone;
                }
            }
            int[] assigned = MaxWeightAssignment.solve(weights);
            double sx = 0, sy = 0, sz = 0, w = 0;
            for (int i = 0; i < a.size(); i++) {
                if (assigned[i] >= 0) {
                    var la = a.get(i).location();
                    var lb = b.get(assigned[i]).location();
                    sx += lb.x() - la.x();
                    sy += lb.y() - la.y();
                    sz += lb.z() - la.z();
                    w++;
                }
            }
            if (w == 0) {
                return t;
            }
            double shrinkXy = square(model.locationSigma() / model.translationSigmaXy());
            double shrinkZ = square(model.zSigma() / model.translationSigmaZ());
            return new Translation(sx / (w + shrinkXy), sy / (w + shrinkXy), sz / (w + shrinkZ));
        }
    }

    private static double square(double v) {
        return v * v;
    }
}
