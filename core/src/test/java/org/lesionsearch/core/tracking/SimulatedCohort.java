package org.lesionsearch.core.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.Recist;

/**
 * Patients followed over several studies with known lesion instances: each study shifts the
 * whole patient a little (repositioning), moves each lesion a little (measurement), changes
 * sizes, drops some lesions and adds new ones. Locations and sizes only, no embeddings.
 */
final class SimulatedCohort {

    final List<Lesion> lesions = new ArrayList<>();
    final Map<String, String> instanceOf = new HashMap<>();

    SimulatedCohort(long seed, int patients, double shift, double jitter) {
        SplittableRandom random = new SplittableRandom(seed);
        CoarseType[] types = {CoarseType.LIVER, CoarseType.LUNG, CoarseType.KIDNEY, CoarseType.BONE, CoarseType.ABDOMEN};
        for (int p = 0; p < patients; p++) {
            String patient = String.format("P%03d", p);
            List<double[]> instances = new ArrayList<>(); // x, y, z, size, type, alive
            int initial = 2 + random.nextInt(6);
            for (int i = 0; i < initial; i++) {
                instances.add(newInstance(random, types.length));
            }
            int studies = 2 + random.nextInt(4);
            LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(300));
            for (int s = 0; s < studies; s++) {
                if (s > 0 && random.nextDouble() < 0.3) {
                    instances.add(newInstance(random, types.length));
                }
                double tx = random.nextGaussian() * shift, ty = random.nextGaussian() * shift,
                        tz = random.nextGaussian() * shift;
                String study = String.format("S%d", s + 1);
                for (int i = 0; i < instances.size(); i++) {
                    double[] inst = instances.get(i);
                    if (inst[5] == 0) {
                        continue;
                    }
                    if (s > 0 && random.nextDouble() < 0.07) {
                        inst[5] = 0; // gone from now on
                        continue;
                    }
                    inst[3] = Math.max(3, inst[3] * Math.exp(random.nextGaussian() * 0.15));
                    double size = inst[3] * (1 + random.nextGaussian() * 0.05);
                    String id = patient + "_" + study + "_" + i;
                    lesions.add(Lesion.builder(id).patientId(patient).studyId(study).studyDate(date)
                            .location(new BodyLocation(clamp(inst[0] + tx + random.nextGaussian() * jitter),
                                    clamp(inst[1] + ty + random.nextGaussian() * jitter),
                                    clamp(inst[2] + tz + random.nextGaussian() * jitter)))
                            .recist(Recist.of(size, size * 0.7)).coarseType(types[(int) inst[4]]).build());
                    instanceOf.put(id, patient + "#" + i);
                }
                date = date.plusDays(60 + random.nextInt(60));
            }
        }
    }

    private static double[] newInstance(SplittableRandom random, int types) {
        return new double[] {0.15 + 0.7 * random.nextDouble(), 0.15 + 0.7 * random.nextDouble(),
            0.1 + 0.8 * random.nextDouble(), 5 + 45 * random.nextDouble(), random.nextInt(types), 1};
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    List<String> patients() {
        return lesions.stream().map(Lesion::patientId).distinct().toList();
    }

    /** The id of the lesion of {@code study} that is the same instance as {@code lesion}, or {@code null}. */
    String counterpart(Lesion lesion, StudyLesions study) {
        String instance = instanceOf.get(lesion.id().value());
        return study.lesions().stream().map(l -> l.id().value()).filter(id -> instanceOf.get(id).equals(instance))
                .findFirst().orElse(null);
    }

    List<Lesion> of(String patient) {
        return lesions.stream().filter(l -> l.patientId().equals(patient)).toList();
    }
}
