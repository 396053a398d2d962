package org.lesionsearch.server.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.lesion.Spacing;
import org.lesionsearch.core.ontology.LabelVocabulary;

/**
 * Generates valid, synthetic lesion records for benchmarks and the demo: embeddings from a
 * seeded mixture of clusters (L2-normalised), labels drawn Zipf-distributed over the label
 * vocabulary (its order is already by frequency), about 22 lesions per patient spread over a
 * few studies, each lesion instance followed across the studies with a slowly changing size and
 * a nearly identical embedding. The same {@code (n, seed)} always gives the same lesions.
 *
 * <p>The records are synthetic and never stand for clinical data.
 */
public final class WorkloadGenerator {

    /** The model every generated embedding claims to come from. */
    public static final ModelInfo MODEL = new ModelInfo("bench-vectors", "1");
    private static final int WRITE_BATCH = 1000;

    private static final LocalDate FIRST_STUDY = LocalDate.of(2012, 1, 1);
    private static final CoarseType[] TYPES = Arrays.copyOf(CoarseType.values(), 8);
    /** Typical normalised body location (x, y, z) of each coarse type, in {@link #TYPES} order. */
    private static final double[][] TYPE_LOCATIONS = {
        {0.5, 0.7, 0.6}, {0.5, 0.5, 0.62}, {0.5, 0.45, 0.38}, {0.35, 0.5, 0.55},
        {0.5, 0.5, 0.35}, {0.6, 0.65, 0.62}, {0.5, 0.5, 0.5}, {0.5, 0.55, 0.85}};

    /**
     * @param dimension embedding dimension
     * @param clusters clusters in the vector mixture
     * @param localRank local directions per cluster
     * @param zipfExponent exponent of the label frequency law
     */
    public record Settings(int dimension, int clusters, int localRank, double zipfExponent) {
        public static Settings defaults() {
            return new Settings(Lesion.EMBEDDING_DIM, 64, 16, 1.35);
        }
    }

    private final LabelVocabulary vocabulary;
    private final Settings settings;
    private final double[] labelCdf;

    public WorkloadGenerator() {
        this(LabelVocabulary.lesaNet171(), Settings.defaults());
    }

    public WorkloadGenerator(LabelVocabulary vocabulary, Settings settings) {
        this.vocabulary = vocabulary;
        this.settings = settings;
        this.labelCdf = zipfCdf(vocabulary.size(), settings.zipfExponent());
    }

    public List<Lesion> generate(int n, long seed) {
        return stream(n, seed).toList();
    }

    /** The lesions of {@link #generate} one by one, for workloads too large to hold twice. */
    public Stream<Lesion> stream(int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        Iterator<Lesion> lesions = new PatientIterator(seed);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lesions, Spliterator.ORDERED | Spliterator.NONNULL),
                false).limit(n);
    }

    /**
     * Writes the {@code n} lesions of {@code seed} into {@code index} in batches, streamed so that
     * they are never all held, and commits.
     *
     * @return lesions written
     * @throws IllegalStateException if the index rejects one: the generator made an invalid lesion
     */
    public long writeInto(LesionIndex index, int n, long seed) {
        long written = 0;
        List<Lesion> batch = new ArrayList<>(WRITE_BATCH);
        for (Iterator<Lesion> it = stream(n, seed).iterator(); it.hasNext(); ) {
            batch.add(it.next());
            if (batch.size() == WRITE_BATCH || !it.hasNext()) {
                UpsertResult result = index.upsert(batch);
                if (!result.rejected().isEmpty()) {
                    throw new IllegalStateException("the workload generator made an invalid lesion: "
                            + result.rejected().getFirst().reason());
                }
                written += result.written();
                batch = new ArrayList<>(WRITE_BATCH);
            }
        }
        index.commit();
        return written;
    }

    /** Query vectors from the same mixture as the lesions of {@code seed}, none of them indexed. */
    public List<float[]> queryVectors(int count, long seed) {
        VectorMixture mixture = mixture(seed);
        SplittableRandom random = new SplittableRandom(~seed * 0x9E3779B97F4A7C15L);
        List<float[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(mixture.sample(random.nextInt(mixture.clusters()), random));
        }
        return out;
    }

    private VectorMixture mixture(long seed) {
        return new VectorMixture(settings.dimension(), settings.clusters(), settings.localRank(), seed);
    }

    /** Walks patients in order; each patient's lesions come from its own split of the random stream. */
    private final class PatientIterator implements Iterator<Lesion> {
        private final VectorMixture mixture;
        private final SplittableRandom patients;
        private final long seed;
        private int patient;
        private Iterator<Lesion> current = List.<Lesion>of().iterator();

        PatientIterator(long seed) {
            this.seed = seed;
            this.mixture = mixture(seed);
            this.patients = new SplittableRandom(seed ^ 0x5DEECE66DL);
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Lesion next() {
            while (!current.hasNext()) {
                current = patientLesions(patient++, patients.split(), mixture, seed).iterator();
            }
            return current.next();
        }
    }

    private List<Lesion> patientLesions(int patient, SplittableRandom random, VectorMixture mixture, long seed) {
        String patientId = String.format(Locale.ROOT, "BP%07d", patient);
        int studies = 1 + random.nextInt(4);
        int instances = 5 + random.nextInt(9);
        Sex sex = random.nextBoolean() ? Sex.F : Sex.M;
        int ageAtFirst = 25 + random.nextInt(66);
        LocalDate[] dates = new LocalDate[studies];
        dates[0] = FIRST_STUDY.plusDays(random.nextInt(3000));
        for (int s = 1; s < studies; s++) {
            dates[s] = dates[s - 1].plusDays(60 + random.nextInt(180));
        }
        List<Lesion> out = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            Instance instance = instance(random, mixture);
            int firstStudy = studies > 1 && random.nextDouble() < 0.15 ? 1 + random.nextInt(studies - 1) : 0;
            for (int s = firstStudy; s < studies; s++) {
                int age = ageAtFirst + (int) ((dates[s].toEpochDay() - dates[0].toEpochDay()) / 365);
                out.add(lesion(patientId, s, i, dates[s], age, sex, instance, random, mixture, seed));
            }
        }
        return out;
    }

    /** What stays the same about one lesion across a patient's studies. */
    private record Instance(int cluster, float[] point, double sizeMm, double axisRatio, double growthPerStudy,
            double[] location, Set<String> labels, Set<String> reportLabels, int keySlice) {
    }

    private Instance instance(SplittableRandom random, VectorMixture mixture) {
        int cluster = random.nextInt(mixture.clusters());
        double[] typical = TYPE_LOCATIONS[cluster % TYPES.length];
        double[] location = new double[3];
        for (int a = 0; a < 3; a++) {
            location[a] = clamp(typical[a] + random.nextGaussian() * 0.08, 0.02, 0.98);
        }
        double size = clamp(15 * Math.exp(random.nextGaussian() * 0.6), 3, 150);
        Set<String> labels = zipfLabels(random, 2 + random.nextInt(4));
        Set<String> report = new LinkedHashSet<>();
        for (String label : labels) {
            if (random.nextDouble() < 0.5) {
                report.add(label);
            }
        }
        if (random.nextDouble() < 0.2) {
            report.addAll(zipfLabels(random, 1));
        }
        return new Instance(cluster, mixture.point(cluster, random), size, 0.45 + random.nextDouble() * 0.5,
                random.nextGaussian() * 0.15, location, labels, report, 20 + random.nextInt(180));
    }

    private Lesion lesion(String patientId, int study, int instanceNo, LocalDate date, int age, Sex sex, Instance instance,
            SplittableRandom random, VectorMixture mixture, long seed) {
        String studyId = String.format(Locale.ROOT, "%s_%02d", patientId, study + 1);
        double longAxis = clamp(instance.sizeMm() * Math.exp(instance.growthPerStudy() * study), 2, 200);
        double shortAxis = longAxis * instance.axisRatio();
        double[] loc = new double[3];
        for (int a = 0; a < 3; a++) {
            loc[a] = clamp(instance.location()[a] + random.nextGaussian() * 0.01, 0, 1);
        }
        double pixelMm = 0.6 + random.nextDouble() * 0.38;
        double sliceMm = new double[] {1.0, 1.25, 2.5, 5.0}[random.nextInt(4)];
        double cx = 40 + loc[0] * 432, cy = 40 + loc[1] * 432;
        double halfW = longAxis / pixelMm / 2, halfH = shortAxis / pixelMm / 2;
        return Lesion.builder(String.format(Locale.ROOT, "%s_%02d_%02d", patientId, study + 1, instanceNo))
                .patientId(patientId)
                .studyId(studyId)
                .seriesId(studyId + "_1")
                .keySlice(instance.keySlice() + random.nextInt(5) - 2)
                .studyDate(date)
                .patientAge(Math.min(age, 130))
                .sex(sex)
                .recist(Recist.of(round(longAxis), round(shortAxis)))
                .boundingBox(new BoundingBox(round(cx - halfW), round(cy - halfH), round(cx + halfW), round(cy + halfH)))
                .spacing(new Spacing(round(pixelMm), round(pixelMm), sliceMm))
                .location(new BodyLocation(loc[0], loc[1], loc[2]))
                .coarseType(TYPES[instance.cluster() % TYPES.length])
                .labelScores(labelScores(instance.labels(), random))
                .labels(instance.labels())
                .reportLabels(instance.reportLabels())
                .embedding(mixture.jitter(instance.point(), VectorMixture.noise(), random))
                .model(MODEL)
                .source("bench:seed=" + seed)
                .build();
    }

    private float[] labelScores(Set<String> labels, SplittableRandom random) {
        float[] scores = new float[vocabulary.size()];
        for (int i = 0; i < scores.length; i++) {
            double low = random.nextDouble() * 0.5;
            scores[i] = (float) (labels.contains(vocabulary.term(i)) ? 0.55 + random.nextDouble() * 0.44 : low * low);
        }
        return scores;
    }

    private Set<String> zipfLabels(SplittableRandom random, int count) {
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < count) {
            int i = Arrays.binarySearch(labelCdf, random.nextDouble());
            out.add(vocabulary.term(Math.min(i < 0 ? -i - 1 : i, labelCdf.length - 1)));
        }
        return out;
    }

    private static double[] zipfCdf(int size, double exponent) {
        double[] cdf = new double[size];
        double sum = 0;
        for (int r = 0; r < size; r++) {
            sum += Math.pow(r + 1, -exponent);
            cdf[r] = sum;
        }
        for (int r = 0; r < size; r++) {
            cdf[r] /= sum;
        }
        return cdf;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
