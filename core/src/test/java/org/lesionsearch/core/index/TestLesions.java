package org.lesionsearch.core.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.lesion.Spacing;
import org.lesionsearch.core.ontology.LabelVocabulary;

/** Builds valid lesions with seeded random unit embeddings, for index tests of any backend. */
public final class TestLesions {

    public static final ModelInfo MODEL = new ModelInfo("test-embedder", "1");
    public static final ModelInfo OTHER_MODEL = new ModelInfo("test-embedder", "2");
    /** Labels the fixture draws from: a few of each class, all in the LesaNet vocabulary. */
    public static final List<String> LABELS = List.of("liver", "lung", "kidney", "bone", "lymph node",
            "nodule", "mass", "cyst", "hypoattenuation", "calcified");

    private final SplittableRandom random;

    public TestLesions(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A random unit vector of the model dimension. */
    public float[] unitVector() {
        return unitVector(Lesion.EMBEDDING_DIM);
    }

    public float[] unitVector(int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dim; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** {@code base} moved a little in a random direction, still of unit length. */
    public float[] near(float[] base, double noise) {
        float[] v = base.clone();
        float[] direction = unitVector(base.length);
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (noise * direction[i]);
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** A valid lesion with every optional part filled in, a random embedding and random labels. */
    public Lesion.Builder lesion(String id, String patientId, String studyId) {
        int n = 1 + random.nextInt(3);
        Set<String> labels = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) {
            labels.add(LABELS.get(random.nextInt(LABELS.size())));
        }
        Set<String> report = random.nextBoolean() ? Set.of(LABELS.get(random.nextInt(LABELS.size()))) : Set.of();
        float[] scores = new float[LabelVocabulary.SIZE];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) random.nextDouble();
        }
        double longAxis = 3 + random.nextInt(800) / 10.0;
        return Lesion.builder(id)
                .patientId(patientId)
                .studyId(studyId)
                .seriesId(studyId + "_1")
                .keySlice(random.nextInt(300))
                .studyDate(LocalDate.of(2015, 1, 1).plusDays(random.nextInt(2000)))
                .patientAge(20 + random.nextInt(70))
                .sex(random.nextBoolean() ? Sex.F : Sex.M)
                .recist(new Recist(longAxis, longAxis * 0.6, new double[] {1, 2, 3, 4, 5, 6, 7, 8.5}))
                .boundingBox(new BoundingBox(100, 120.5, 140, 150))
                .spacing(new Spacing(0.7, 0.7, 2.5))
                .location(new BodyLocation(random.nextDouble(), random.nextDouble(), random.nextDouble()))
                .coarseType(CoarseType.values()[random.nextInt(8)])
                .labelScores(scores)
                .labels(labels)
                .reportLabels(report)
                .embedding(unitVector())
                .model(MODEL)
                .thumbnail("thumbs/" + id + ".png")
                .source("test:" + id);
    }

    /** {@code count} valid lesions over {@code patients} patients with two studies each. */
    public List<Lesion> cohort(int count, int patients) {
        List<Lesion> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int patient = i % patients;
            int study = (i / patients) % 2;
            String pid = String.format(Locale.ROOT, "P%03d", patient);
            String sid = pid + "_S" + study;
            out.add(lesion(String.format(Locale.ROOT, "%s_L%05d", sid, i), pid, sid).build());
        }
        return out;
    }
}
