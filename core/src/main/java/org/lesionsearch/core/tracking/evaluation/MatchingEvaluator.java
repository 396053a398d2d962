package org.lesionsearch.core.tracking.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.tracking.LesionMatcher;
import org.lesionsearch.core.tracking.MatchModel;
import org.lesionsearch.core.tracking.PatientTracks;
import org.lesionsearch.core.tracking.RecistAssessor;
import org.lesionsearch.core.tracking.StudyLesions;
import org.lesionsearch.core.tracking.StudyMatches;
import org.lesionsearch.core.tracking.Track;
import org.lesionsearch.core.tracking.TrackBuilder;
import org.lesionsearch.core.tracking.TrackPoint;

/**
 * Scores within-patient matching and tracking against a ground-truth cohort: top-1 accuracy over
 * every lesion and every other study holding the same lesion; false matches for lesions absent
 * from a study (known absences in complete cohorts, and the same queries again with the true
 * lesion removed, which works for pair lists too); and the purity of the tracks built per patient.
 */
public final class MatchingEvaluator {

    private final LesionMatcher matcher;
    private final TrackBuilder tracks;

    public MatchingEvaluator(MatchModel model) {
        this.matcher = new LesionMatcher(model);
        this.tracks = new TrackBuilder(matcher, new RecistAssessor());
    }

    public MatchingReport evaluate(GroundTruthCohort cohort) {
        Map<String, List<Lesion>> byPatient = new LinkedHashMap<>();
        for (Lesion l : cohort.lesions()) {
            byPatient.computeIfAbsent(l.patientId(), p -> new ArrayList<>()).add(l);
        }
        Counts c = new Counts();
        long start = System.nanoTime();
        for (Map.Entry<String, List<Lesion>> patient : byPatient.entrySet()) {
            List<StudyLesions> studies = StudyLesions.group(patient.getValue());
            c.studies += studies.size();
            for (StudyLesions from : studies) {
                for (StudyLesions to : studies) {
                    if (from != to) {
                        match(cohort, from, to, c);
                    }
                }
            }
        }
        double millisPerQuery = (System.nanoTime() - start) / 1e6 / Math.max(1, c.queries + c.absent + c.removed);
        for (Map.Entry<String, List<Lesion>> patient : byPatient.entrySet()) {
            track(cohort, tracks.build(patient.getKey(), patient.getValue()), c);
        }
        int lesions = cohort.lesions().size();
        return new MatchingReport(cohort.name(), byPatient.size(), c.studies, lesions, c.queries, c.top1,
                ratio(c.top1, c.queries), c.decided, ratio(c.decided, c.queries), ratio(c.nearest, c.queries),
                c.queries == 0 ? Double.NaN : (double) c.candidates / c.queries, c.absent, c.absentMatched, c.removed,
                c.removedMatched, c.tracks, ratio(c.pure, lesions), ratio(c.complete, lesions), millisPerQuery);
    }

    private void match(GroundTruthCohort cohort, StudyLesions from, StudyLesions to, Counts c) {
        List<StudyMatches> all = matcher.matchStudy(from.lesions(), to);
        for (int i = 0; i < from.lesions().size(); i++) {
            Lesion query = from.lesions().get(i);
            StudyMatches m = all.get(i);
            Lesion truth = to.lesions().stream().filter(l -> cohort.same(query, l)).findFirst().orElse(null);
            if (truth == null) {
                if (cohort.complete() && !to.lesions().isEmpty()) {
                    c.absent++;
                    if (m.match().isPresent()) {
                        c.absentMatched++;
                    }
                }
                continue;
            }
            c.queries++;
            c.candidates += to.lesions().size();
            if (m.candidates().getFirst().lesion().id().equals(truth.id())) {
                c.top1++;
            }
            if (m.match().filter(x -> x.lesion().id().equals(truth.id())).isPresent()) {
                c.decided++;
            }
            if (nearest(query, to.lesions()) == truth) {
                c.nearest++;
            }
            List<Lesion> rest = to.lesions().stream().filter(l -> l != truth).toList();
            if (!rest.isEmpty()) {
                StudyLesions without = new StudyLesions(to.studyId(), to.date(), rest);
                c.removed++;
                if (matcher.matchInto(query, from.lesions(), without).match().isPresent()) {
                    c.removedMatched++;
                }
            }
        }
    }

    private static void track(GroundTruthCohort cohort, PatientTracks patient, Counts c) {
        Map<String, Map<String, Integer>> tracksPerInstance = new HashMap<>();
        for (Track t : patient.tracks()) {
            c.tracks++;
            Map<String, Integer> instances = new HashMap<>();
            for (TrackPoint p : t.points()) {
                String instance = cohort.instanceOf(p.lesion());
                instances.merge(instance, 1, Integer::sum);
                tracksPerInstance.computeIfAbsent(instance, i -> new HashMap<>()).merge(t.id(), 1, Integer::sum);
            }
            c.pure += instances.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        for (Map<String, Integer> perTrack : tracksPerInstance.values()) {
            c.complete += perTrack.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /** The candidate nearest by plain location distance, ties by id; the baseline. */
    private static Lesion nearest(Lesion query, List<Lesion> candidates) {
        if (query.location() == null) {
            return null;
        }
        Lesion best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Lesion c : candidates) {
            if (c.location() != null && c.location().distanceTo(query.location()) < bestDistance) {
                best = c;
                bestDistance = c.location().distanceTo(query.location());
            }
        }
        return best;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private static final class Counts {
        int studies, queries, top1, decided, nearest, absent, absentMatched, removed, removedMatched, tracks, pure, complete;
        long candidates;
    }
}
