package org.lesionsearch.core.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;

/**
 * RECIST 1.1 over lesion tracks: target lesions chosen at baseline (measurable: long axis at
 * least 10 mm, lymph nodes short axis at least 15 mm; the largest, at most 5 in all and 2 per
 * organ, lymph nodes counting as one organ), their sum of diameters at each study, and the
 * response at each follow-up: PD for a sum at least 20% and 5 mm above the smallest earlier
 * sum or for a new lesion; CR when every target is gone (nodes below 10 mm short axis); PR for
 * a sum at least 30% below baseline; SD otherwise.
 */
public final class RecistAssessor {

    public static final int MAX_TARGETS = 5;
    public static final int MAX_TARGETS_PER_ORGAN = 2;
    public static final double MIN_TARGET_LONG_AXIS_MM = 10;
    public static final double MIN_TARGET_NODE_SHORT_AXIS_MM = 15;
    public static final double NORMAL_NODE_SHORT_AXIS_MM = 10;

    /** Whether RECIST measures this lesion as a lymph node (short axis). */
    public static boolean isLymphNode(Lesion lesion) {
        return Stream.concat(lesion.labels().stream(), lesion.reportLabels().stream())
                .anyMatch(l -> l.toLowerCase(Locale.ROOT).contains("lymph node") || l.equalsIgnoreCase("lymphadenopathy"));
    }

    /** The diameter RECIST sums for a lesion, {@code NaN} when unmeasured. */
    public static double diameterMm(Lesion lesion, boolean lymphNode) {
        if (lesion.recist() == null) {
            return Double.NaN;
        }
        return lymphNode ? lesion.recist().shortAxisMm() : lesion.recist().longAxisMm();
    }

    /**
     * Indices of the tracks chosen as targets.
     *
     * @param baselineStudyId the first study
     */
    public Set<Integer> selectTargets(List<List<TrackPoint>> tracks, List<Boolean> lymphNodes, String baselineStudyId) {
        List<Integer> measurable = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            TrackPoint first = tracks.get(t).getFirst();
            if (!first.studyId().equals(baselineStudyId) || first.lesion().recist() == null) {
                continue;
            }
            boolean node = lymphNodes.get(t);
            double size = node ? first.lesion().recist().shortAxisMm() : first.lesion().recist().longAxisMm();
            if (size >= (node ? MIN_TARGET_NODE_SHORT_AXIS_MM : MIN_TARGET_LONG_AXIS_MM)) {
                measurable.add(t);
            }
        }
        measurable.sort(Comparator.comparingDouble((Integer t) -> -tracks.get(t).getFirst().lesion().recist().longAxisMm())
                .thenComparing(t -> tracks.get(t).getFirst().lesion().id()));
        Set<Integer> targets = new HashSet<>();
        Map<String, Integer> perOrgan = new HashMap<>();
        for (int t : measurable) {
            String organ = lymphNodes.get(t) ? "lymph node" : organ(tracks.get(t).getFirst().lesion());
            if (targets.size() < MAX_TARGETS && perOrgan.getOrDefault(organ, 0) < MAX_TARGETS_PER_ORGAN) {
                targets.add(t);
                perOrgan.merge(organ, 1, Integer::sum);
            }
        }
        return targets;
    }

    private static String organ(Lesion lesion) {
        return lesion.coarseType() == CoarseType.UNKNOWN ? "unknown" : lesion.coarseType().name();
    }

    /** One assessment per study, baseline first. */
    public List<ResponseAssessment> assess(List<PatientTracks.Study> studies, List<Track> tracks) {
        List<ResponseAssessment> out = new ArrayList<>();
        List<Track> targets = tracks.stream().filter(Track::target).toList();
        double baseline = Double.NaN, nadir = Double.NaN;
        for (int s = 0; s < studies.size(); s++) {
            PatientTracks.Study study = studies.get(s);
            double sum = 0;
            boolean allGone = true;
            for (Track t : targets) {
                double d = t.in(study.studyId()).map(TrackPoint::diameterMm).filter(x -> !Double.isNaN(x)).orElse(0.0);
                sum += d;
                allGone &= t.lymphNode() ? d < NORMAL_NODE_SHORT_AXIS_MM : d == 0;
            }
            List<LesionId> newLesions = s == 0 ? List.of() : tracks.stream()
                    .filter(t -> t.first().studyId().equals(study.studyId())).map(t -> t.first().lesion().id()).toList();
            if (s == 0) {
                baseline = sum;
                nadir = sum;
                out.add(new ResponseAssessment(study.studyId(), study.date(), sum, null, null, null, List.of(),
                        targets.isEmpty() ? "baseline without a measurable target lesion"
                                : "baseline: " + targets.size() + " target lesion" + (targets.size() == 1 ? "" : "s")));
                continue;
            }
            Double fromBaseline = targets.isEmpty() || baseline == 0 ? null : (sum - baseline) / baseline;
            Double fromNadir = targets.isEmpty() || nadir == 0 ? null : (sum - nadir) / nadir;
            RecistResponse response;
            String reason;
            if (!newLesions.isEmpty()) {
                response = RecistResponse.PD;
                reason = newLesions.size() + " new lesion" + (newLesions.size() == 1 ? "" : "s");
            } else if (targets.isEmpty()) {
                response = RecistResponse.NE;
                reason = "no target lesion to measure";
            } else if (sum - nadir >= 0.2 * nadir && sum - nadir >= 5) {
                response = RecistResponse.PD;
                reason = String.format(Locale.ROOT, "sum %.1f mm is %.0f%% (%.1f mm) above the nadir %.1f mm",
                        sum, 100 * (sum - nadir) / nadir, sum - nadir, nadir);
            } else if (allGone) {
                response = RecistResponse.CR;
                reason = "every target lesion has disappeared";
            } else if (sum <= 0.7 * baseline) {
                response = RecistResponse.PR;
                reason = String.format(Locale.ROOT, "sum %.1f mm is %.0f%% below the baseline %.1f mm",
                        sum, 100 * (baseline - sum) / baseline, baseline);
            } else {
                response = RecistResponse.SD;
                reason = String.format(Locale.ROOT, "sum %.1f mm: %+.0f%% from baseline, %+.0f%% from the nadir",
                        sum, 100 * (sum - baseline) / baseline, nadir == 0 ? 0 : 100 * (sum - nadir) / nadir);
            }
            out.add(new ResponseAssessment(study.studyId(), study.date(), sum, fromBaseline, fromNadir, response,
                    newLesions, reason));
            nadir = Math.min(nadir, sum);
        }
        return out;
    }
}
