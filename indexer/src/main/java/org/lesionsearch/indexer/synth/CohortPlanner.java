package org.lesionsearch.indexer.synth;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.indexer.synth.anatomy.Anatomy;
import org.lesionsearch.indexer.synth.anatomy.AnatomyBuilder;
import org.lesionsearch.indexer.synth.lesion.LesionPlanner;
import org.lesionsearch.indexer.synth.lesion.LesionTrack;
import org.lesionsearch.indexer.synth.lesion.PatientCourse;
import org.lesionsearch.indexer.synth.study.StudyPlan;
import org.lesionsearch.indexer.synth.study.StudyPlanner;

/**
 * Decides each synthetic patient from the cohort seed alone: sex, age, body, disease course,
 * studies and lesions. Patient {@code n} is the same whatever else is generated.
 */
public final class CohortPlanner {

    /** Synthetic patients are numbered from here so they never collide with DeepLesion's own. */
    public static final int FIRST_PATIENT_INDEX = 900_001;
    private static final double[] STUDY_COUNT_WEIGHTS = {0.15, 0.2, 0.25, 0.2, 0.12, 0.08};

    private final Seed cohort;

    public CohortPlanner(long seed) {
        this.cohort = new Seed(seed);
    }

    /** Patient number {@code n}, from 0. */
    public PatientPlan plan(int n) {
        int patientIndex = FIRST_PATIENT_INDEX + n;
        Seed seed = cohort.derive(patientIndex);
        SplittableRandom rnd = seed.derive("patient").random();
        Sex sex = rnd.nextDouble() < 0.57 ? Sex.M : Sex.F;
        int baselineAge = (int) Math.max(18, Math.min(89, Math.round(58 + 13 * rnd.nextGaussian())));
        LocalDate baseline = LocalDate.of(2012, 1, 1).plusDays(rnd.nextInt(11 * 365));
        LocalDate birth = baseline.minusYears(baselineAge).minusDays(rnd.nextInt(365));
        PatientCourse course = PatientCourse.values()[pick(rnd, 0.3, 0.3, 0.25, 0.15)];
        int studies = 1 + pick(rnd, STUDY_COUNT_WEIGHTS);
        double splitRoll = rnd.nextDouble();
        int split = splitRoll < 0.7 ? 1 : splitRoll < 0.85 ? 2 : 3;

        Anatomy anatomy = AnatomyBuilder.build(seed.derive("anatomy"), sex);
        List<StudyPlan> plans = StudyPlanner.plan(anatomy, studies, baseline, birth, seed.derive("studies").random());
        List<LesionTrack> tracks = new LesionPlanner(anatomy, seed.derive("lesions").random())
                .plan(String.format(java.util.Locale.ROOT, "%06d", patientIndex), studies, course);
        return new PatientPlan(patientIndex, seed, sex, birth, course, split, anatomy, plans, tracks);
    }

    private static int pick(SplittableRandom rnd, double... weights) {
        double r = rnd.nextDouble();
        for (int k = 0; k < weights.length; k++) {
            r -= weights[k];
            if (r < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }
}
