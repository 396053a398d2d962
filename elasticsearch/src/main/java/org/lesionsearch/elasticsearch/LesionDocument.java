package org.lesionsearch.elasticsearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.lesion.Spacing;

/**
 * One lesion as an Elasticsearch document, named as in {@link LesionMapping}. Numbers are written
 * as the shortest decimal that reads back to the same double, so a lesion read back equals the one
 * written. The embedding is indexed from {@code embedding} but kept in {@code _source} only as
 * {@code embedding_bits}, its exact float bits; label probabilities likewise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record LesionDocument(
        @JsonProperty(LesionMapping.ID) String lesionId,
        @JsonProperty(LesionMapping.PATIENT) String patientId,
        @JsonProperty(LesionMapping.STUDY) String studyId,
        @JsonProperty("series_id") String seriesId,
        @JsonProperty(LesionMapping.KEY_SLICE) Integer keySlice,
        @JsonProperty("study_date") String studyDate,
        @JsonProperty(LesionMapping.STUDY_DAY) Long studyDay,
        @JsonProperty(LesionMapping.AGE) Integer patientAge,
        @JsonProperty(LesionMapping.SEX) String sex,
        @JsonProperty("recist") RecistDoc recist,
        @JsonProperty("bounding_box") BoxDoc boundingBox,
        @JsonProperty("spacing") XyzDoc spacing,
        @JsonProperty("location") XyzDoc location,
        @JsonProperty(LesionMapping.COARSE_TYPE) String coarseType,
        @JsonProperty("label_scores") String labelScores,
        @JsonProperty(LesionMapping.LABELS) List<String> labels,
        @JsonProperty(LesionMapping.REPORT_LABELS) List<String> reportLabels,
        @JsonProperty(LesionMapping.LABEL_ANY) List<String> labelAny,
        @JsonProperty(LesionMapping.EMBEDDING) float[] embedding,
        @JsonProperty(LesionMapping.EMBEDDING_BITS) String embeddingBits,
        @JsonProperty("model") ModelDoc model,
        @JsonProperty("thumbnail") String thumbnail,
        @JsonProperty("source") String source) {

    record RecistDoc(@JsonProperty("long_axis_mm") double longAxisMm, @JsonProperty("short_axis_mm") double shortAxisMm,
            @JsonProperty("endpoints_px") double[] endpointsPx) {
    }

    record BoxDoc(@JsonProperty("x1") double x1, @JsonProperty("y1") double y1, @JsonProperty("x2") double x2,
            @JsonProperty("y2") double y2) {
    }

    record XyzDoc(@JsonProperty("x") double x, @JsonProperty("y") double y, @JsonProperty("z") double z) {
    }

    record ModelDoc(@JsonProperty("name") String name, @JsonProperty("version") String version) {
    }

    /** The JSON mapper documents are written and read with (the client's mapper wraps it). */
    static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    static LesionDocument of(Lesion lesion) {
        Recist r = lesion.recist();
        BoundingBox b = lesion.boundingBox();
        Spacing s = lesion.spacing();
        BodyLocation l = lesion.location();
        Set<String> any = new TreeSet<>(lesion.labels());
        any.addAll(lesion.reportLabels());
        float[] embedding = lesion.embedding();
        return new LesionDocument(lesion.id().value(), lesion.patientId(), lesion.studyId(), lesion.seriesId(),
                lesion.keySlice(), lesion.studyDate() == null ? null : lesion.studyDate().toString(),
                lesion.studyDate() == null ? null : lesion.studyDate().toEpochDay(), lesion.patientAge(),
                lesion.sex().name(),
                r == null ? null : new RecistDoc(r.longAxisMm(), r.shortAxisMm(), r.endpointsPx()),
                b == null ? null : new BoxDoc(b.x1(), b.y1(), b.x2(), b.y2()),
                s == null ? null : new XyzDoc(s.x(), s.y(), s.z()),
                l == null ? null : new XyzDoc(l.x(), l.y(), l.z()),
                lesion.coarseType().name(), FloatBits.encode(lesion.labelScores()),
                List.copyOf(new TreeSet<>(lesion.labels())), List.copyOf(new TreeSet<>(lesion.reportLabels())),
                List.copyOf(any), embedding, FloatBits.encode(embedding),
                lesion.model() == null ? null : new ModelDoc(lesion.model().name(), lesion.model().version()),
                lesion.thumbnail(), lesion.source());
    }

    /** The lesion record; the embedding comes from its exact bits, not from the indexed vector. */
    Lesion toLesion() {
        Lesion.Builder b = Lesion.builder(lesionId).patientId(patientId).studyId(studyId).seriesId(seriesId)
                .keySlice(keySlice).studyDate(studyDate == null ? null : LocalDate.parse(studyDate))
                .patientAge(patientAge).sex(sex == null ? null : Sex.valueOf(sex))
                .coarseType(coarseType == null ? null : CoarseType.valueOf(coarseType))
                .labelScores(FloatBits.decode(labelScores))
                .labels(labels == null ? Set.of() : Set.copyOf(labels))
                .reportLabels(reportLabels == null ? Set.of() : Set.copyOf(reportLabels))
                .embedding(FloatBits.decode(embeddingBits))
                .model(model == null ? null : new ModelInfo(model.name(), model.version()))
                .thumbnail(thumbnail).source(source);
        if (recist != null) {
            b.recist(new Recist(recist.longAxisMm(), recist.shortAxisMm(), recist.endpointsPx()));
        }
        if (boundingBox != null) {
            b.boundingBox(new BoundingBox(boundingBox.x1(), boundingBox.y1(), boundingBox.x2(), boundingBox.y2()));
        }
        if (spacing != null) {
            b.spacing(new Spacing(spacing.x(), spacing.y(), spacing.z()));
        }
        if (location != null) {
            b.location(new BodyLocation(location.x(), location.y(), location.z()));
        }
        return b.build();
    }
}
