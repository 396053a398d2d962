package org.lesionsearch.core.lesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.junit.jupiter.api.Test;

class LesionValidatorTest {

    private final LesionValidator validator = new LesionValidator(LabelVocabulary.lesaNet171());

    private static float[] unit(int dim) {
        float[] v = new float[dim];
        v[0] = 1f;
        return v;
    }

    private static Lesion.Builder valid() {
        return Lesion.builder("000001_01_01_100_0").patientId("000001").studyId("000001_01")
                .recist(Recist.of(12.5, 8.0)).location(new BodyLocation(0.4, 0.5, 0.6))
                .labels(Set.of("liver", "hypoattenuation")).embedding(unit(1024)).model(new ModelInfo("lesiongraph", "1"));
    }

    @Test
    void acceptsAWellFormedLesion() {
        assertThat(validator.violations(valid().build())).isEmpty();
    }

    @Test
    void namesEveryOffendingField() {
        float[] nan = unit(1024);
        nan[7] = Float.NaN;
        Lesion bad = valid().patientId(" ").recist(Recist.of(-1, 2)).labels(Set.of("liver", "banana"))
                .embedding(nan).build();
        assertThat(validator.violations(bad)).extracting(Violation::field)
                .containsExactlyInAnyOrder("patientId", "recist.longAxisMm", "recist.shortAxisMm", "labels", "embedding[7]");
        assertThatThrownBy(() -> validator.validate(bad)).isInstanceOf(InvalidLesionException.class)
                .hasMessageContaining("000001_01_01_100_0").hasMessageContaining("unknown label 'banana'");
    }

    @Test
    void refusesWrongDimensionAndUnnormalisedVectors() {
        assertThat(validator.violations(valid().embedding(unit(512)).build()))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("dimension mismatch: expected 1024 floats, got 512"));
        float[] twice = unit(1024);
        twice[0] = 2f;
        assertThat(validator.violations(valid().embedding(twice).build()))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("not L2-normalised (norm 2.0000"));
    }

    @Test
    void refusesLocationsOutsideTheUnitCubeAndLabelScoresOfWrongLength() {
        Lesion bad = valid().location(new BodyLocation(0.5, 1.2, 0.5)).labelScores(new float[3]).build();
        assertThat(validator.violations(bad)).extracting(Violation::field).containsExactlyInAnyOrder("location.y", "labelScores");
    }

    @Test
    void vocabularyHoldsTheLesaNetLabelsInModelOrder() {
        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        assertThat(vocabulary.size()).isEqualTo(171);
        assertThat(vocabulary.term(0)).isEqualTo("chest");
        assertThat(vocabulary.indexOf("lung")).contains(2);
    }
}
