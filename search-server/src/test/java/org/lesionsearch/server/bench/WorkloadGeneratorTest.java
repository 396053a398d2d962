package org.lesionsearch.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionValidator;
import org.lesionsearch.core.ontology.LabelVocabulary;

class WorkloadGeneratorTest {

    private final WorkloadGenerator generator = new WorkloadGenerator();

    @Test
    void theSameSeedGivesTheSameLesionsAndStreamingAgreesWithTheList() {
        List<Lesion> a = generator.generate(600, 7);
        assertThat(generator.generate(600, 7)).isEqualTo(a);
        assertThat(generator.stream(600, 7).toList()).isEqualTo(a);
        assertThat(generator.generate(600, 8)).isNotEqualTo(a);
        assertThat(generator.generate(300, 7)).isEqualTo(a.subList(0, 300));
    }

    @Test
    void everyLesionIsValidWithAUniqueIdAndTheBenchModel() {
        List<Lesion> lesions = generator.generate(3000, 1);
        LesionValidator validator = new LesionValidator(LabelVocabulary.lesaNet171());
        assertThat(lesions).allSatisfy(l -> assertThat(validator.violations(l)).as("%s", l.id()).isEmpty());
        assertThat(lesions.stream().map(Lesion::id).distinct().count()).isEqualTo(3000);
        assertThat(lesions).allMatch(l -> l.model().equals(WorkloadGenerator.MODEL) && l.embedding().length == 1024);
    }

    @Test
    void patientsHaveAboutTwentyTwoLesionsOverAFewStudies() {
        List<Lesion> lesions = generator.generate(20_000, 3);
        Map<String, List<Lesion>> byPatient = lesions.stream().collect(Collectors.groupingBy(Lesion::patientId));
        double perPatient = lesions.size() / (double) byPatient.size();
        assertThat(perPatient).isBetween(18.0, 26.0);
        long longitudinal = byPatient.values().stream()
                .filter(ls -> ls.stream().map(Lesion::studyId).distinct().count() > 1).count();
        assertThat(longitudinal).isGreaterThan(byPatient.size() / 2);
    }

    @Test
    void aLesionFollowedAcrossStudiesKeepsANearlyIdenticalEmbedding() {
        List<Lesion> lesions = generator.generate(2000, 5);
        Map<String, Lesion> byInstance = new HashMap<>();
        int pairs = 0;
        for (Lesion l : lesions) {
            String id = l.id().value();
            // <patient>_<study>_<instance>: the same instance in another study
            String instance = l.patientId() + "#" + id.substring(id.lastIndexOf('_') + 1);
            Lesion earlier = byInstance.putIfAbsent(instance, l);
            if (earlier != null) {
                assertThat(dot(earlier.embedding(), l.embedding())).isGreaterThan(0.95);
                assertThat(earlier.labels()).isEqualTo(l.labels());
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(500);
    }

    @Test
    void labelFrequenciesFallWithVocabularyRankOverTwoOrdersOfMagnitude() {
        List<Lesion> lesions = generator.generate(20_000, 11);
        Map<String, Long> counts = lesions.stream().flatMap(l -> l.labels().stream())
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        long top = counts.getOrDefault(vocabulary.term(0), 0L);
        long tenth = counts.getOrDefault(vocabulary.term(9), 0L);
        long tail = counts.getOrDefault(vocabulary.term(150), 0L);
        assertThat(top).isGreaterThan(tenth).isGreaterThan(100 * Math.max(1, tail));
        assertThat(counts.keySet()).hasSizeGreaterThan(150);
    }

    @Test
    void queryVectorsAreUnitVectorsOfTheSameMixtureButNotIndexed() {
        List<Lesion> lesions = generator.generate(2000, 9);
        List<float[]> queries = generator.queryVectors(50, 9);
        Set<Integer> indexed = lesions.stream().map(l -> java.util.Arrays.hashCode(l.embedding())).collect(Collectors.toSet());
        for (float[] q : queries) {
            assertThat(dot(q, q)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(indexed).doesNotContain(java.util.Arrays.hashCode(q));
            double best = lesions.stream().mapToDouble(l -> dot(q, l.embedding())).max().orElseThrow();
            assertThat(best).as("a query has neighbours in its cluster").isGreaterThan(0.3);
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
