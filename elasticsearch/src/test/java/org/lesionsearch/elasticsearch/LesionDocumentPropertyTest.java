package org.lesionsearch.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.lesion.Spacing;

/** A lesion written as an Elasticsearch document and read back is the same lesion, to the last bit of every number. */
class LesionDocumentPropertyTest {

    /** Configured as the client configures it, so that the bytes are those sent to Elasticsearch. */
    private final ObjectMapper json = new JacksonJsonpMapper(LesionDocument.mapper()).objectMapper();

    @Property(tries = 300)
    void everyNumberAndFieldSurvivesTheDocument(@ForAll("lesions") Lesion lesion) throws Exception {
        byte[] bytes = json.writeValueAsBytes(LesionDocument.of(lesion));
        Lesion back = json.readValue(bytes, LesionDocument.class).toLesion();

        assertThat(back).isEqualTo(lesion);
    }

    @Property(tries = 300)
    void floatBitsAreKeptExactly(@ForAll("floats") float[] values) {
        float[] back = FloatBits.decode(FloatBits.encode(values));

        assertThat(back).hasSameSizeAs(values);
        for (int i = 0; i < values.length; i++) {
            assertThat(Float.floatToRawIntBits(back[i])).isEqualTo(Float.floatToRawIntBits(values[i]));
        }
    }

    @Provide
    Arbitrary<float[]> floats() {
        return Arbitraries.integers().map(Float::intBitsToFloat).array(float[].class).ofMinSize(0).ofMaxSize(64);
    }

    @Provide
    Arbitrary<Lesion> lesions() {
        Arbitrary<Double> any = Arbitraries.doubles();
        Arbitrary<Double> unit = Arbitraries.doubles().between(0, 1);
        Arbitrary<float[]> vector = Arbitraries.floats().array(float[].class).ofSize(8);
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(40);
        Arbitrary<Recist> recist = Combinators.combine(any, any, any.array(double[].class).ofSize(8).injectNull(0.5))
                .as(Recist::new).injectNull(0.2);
        Arbitrary<BoundingBox> box = Combinators.combine(any, any, any, any).as(BoundingBox::new).injectNull(0.2);
        Arbitrary<Spacing> spacing = Combinators.combine(any, any, any).as(Spacing::new).injectNull(0.2);
        Arbitrary<BodyLocation> location = Combinators.combine(unit, unit, unit).as(BodyLocation::new).injectNull(0.2);
        Arbitrary<LocalDate> date = Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                .map(LocalDate::ofEpochDay).injectNull(0.2);
        Arbitrary<Set<String>> labels = Arbitraries.of("liver", "lung", "mass", "cyst", "lymph node").set().ofMaxSize(4);
        return Combinators.combine(text, text, date, Arbitraries.integers().injectNull(0.3), recist, box, spacing, location)
                .as((id, patient, studyDate, slice, r, b, s, l) -> Lesion.builder(id).patientId(patient).studyId(patient + "/s")
                        .seriesId(null).keySlice(slice).studyDate(studyDate).recist(r).boundingBox(b).spacing(s).location(l))
                .flatMap(builder -> Combinators.combine(vector.injectNull(0.3), vector.injectNull(0.3), labels, labels,
                        Arbitraries.of(Sex.class), Arbitraries.of(CoarseType.class), Arbitraries.integers().between(0, 130).injectNull(0.3))
                        .as((embedding, scores, predicted, report, sex, type, age) -> builder.embedding(embedding)
                                .labelScores(scores).labels(predicted).reportLabels(report).sex(sex).coarseType(type)
                                .patientAge(age).model(embedding == null ? null : new ModelInfo("m", "1"))
                                .thumbnail("t.png").source("test").build()));
    }
}
