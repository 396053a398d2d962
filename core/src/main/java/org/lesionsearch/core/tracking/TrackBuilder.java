package org.lesionsearch.core.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lesionsearch.core.lesion.Lesion;

/**
 * Links a patient's lesions into tracks, study by study in chronological order: each study's
 * lesions are assigned one-to-one to the tracks seen so far (maximum total log-odds, each study
 * pair aligned first), a lesion without a plausible track starts a new one, and a track may
 * skip studies at a cost. Then RECIST 1.1 is assessed over the tracks. Thread-safe.
 */
public final class TrackBuilder {

    private final LesionMatcher matcher;
    private final RecistAssessor recist;

    public TrackBuilder(LesionMatcher matcher, RecistAssessor recist) {
        this.matcher = matcher;
        this.recist = recist;
    }

    public PatientTracks build(String patientId, List<Lesion> patientLesions) {
        List<StudyLesions> studies = StudyLesions.group(patientLesions);
        MatchModel model = matcher.model();
        List<List<TrackPoint>> tracks = new ArrayList<>();
        List<Integer> lastStudy = new ArrayList<>();
        List<Boolean> lymphNodes = new ArrayList<>();
        Map<Long, Translation> alignments = new HashMap<>();

        for (int k = 0; k < studies.size(); k++) {
            StudyLesions study = studies.get(k);
            List<Lesion> lesions = study.lesions();
            int heads = tracks.size();
            double[][] logOdds = new double[lesions.size()][heads];
            double logEach = heads == 0 ? 0 : Math.log((1 - model.noMatchPrior()) / heads);
            double logNone = Math.log(model.noMatchPrior());
            for (int h = 0; h < heads; h++) {
                int from = lastStudy.get(h);
                Lesion head = tracks.get(h).getLast().lesion();
                int to = k;
                Translation t = alignments.computeIfAbsent((long) from << 32 | to,
                        key -> matcher.align(studies.get(from).lesions(), lesions));
                double gap = model.gapPenalty() * (k - 1 - from);
                for (int i = 0; i < lesions.size(); i++) {
                    // Evidence is symmetric but the alignment goes from the head's study to this one.
                    logOdds[i][h] = logEach + matcher.evidence(head, lesions.get(i), t).logOdds() - gap;
                }
            }
            double[][] weights = new double[lesions.size()][heads];
            for (int i = 0; i < lesions.size(); i++) {
                for (int h = 0; h < heads; h++) {
                    weights[i][h] = logOdds[i][h] - logNone;
                }
            }
            int[] assigned = MaxWeightAssignment.solve(weights);
            for (int i = 0; i < lesions.size(); i++) {
                Lesion lesion = lesions.get(i);
                int h = assigned[i];
                if (h >= 0) {
                    boolean node = lymphNodes.get(h);
                    tracks.get(h).add(new TrackPoint(study.studyId(), study.date(), lesion,
                            RecistAssessor.diameterMm(lesion, node), posterior(logOdds[i], h, logNone)));
                    lastStudy.set(h, k);
                } else {
                    boolean node = RecistAssessor.isLymphNode(lesion);
                    List<TrackPoint> track = new ArrayList<>();
                    track.add(new TrackPoint(study.studyId(), study.date(), lesion, RecistAssessor.diameterMm(lesion, node),
                            null));
                    tracks.add(track);
                    lastStudy.add(k);
                    lymphNodes.add(node);
                }
            }
        }

        String baseline = studies.isEmpty() ? null : studies.getFirst().studyId();
        Set<Integer> targets = recist.selectTargets(tracks, lymphNodes, baseline);
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            order.add(t);
        }
        Map<String, Integer> studyIndex = new HashMap<>();
        for (int s = 0; s < studies.size(); s++) {
            studyIndex.put(studies.get(s).studyId(), s);
        }
        order.sort(Comparator.comparingInt((Integer t) -> studyIndex.get(tracks.get(t).getFirst().studyId()))
                .thenComparing(t -> tracks.get(t).getFirst().lesion().id()));
        List<Track> result = new ArrayList<>();
        for (int t : order) {
            result.add(new Track("T" + (result.size() + 1), targets.contains(t), lymphNodes.get(t), tracks.get(t)));
        }
        List<PatientTracks.Study> studyRefs = studies.stream()
                .map(s -> new PatientTracks.Study(s.studyId(), s.date(), s.lesions().size())).toList();
        return new PatientTracks(patientId, studyRefs, result, recist.assess(studyRefs, result));
    }

    /** Probability of the chosen head among all heads and "no match". */
    private static double posterior(double[] logOdds, int chosen, double logNone) {
        double max = logNone;
        for (double l : logOdds) {
            max = Math.max(max, l);
        }
        double sum = Math.exp(logNone - max);
        for (double l : logOdds) {
            sum += Math.exp(l - max);
        }
        return Math.exp(logOdds[chosen] - max) / sum;
    }
}
