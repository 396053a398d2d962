package org.lesionsearch.core.lesion;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One measured lesion: who and where it was measured, its measurement, its normalised body
 * location, the labels predicted for it and mined from its report sentence, and its embedding.
 *
 * <p>Optional parts are {@code null}; sets are never {@code null}. Records are built with
 * {@link #builder(String)} and checked by {@link LesionValidator} before they reach an index.
 *
 * @param labelScores predicted probabilities over the 171 model labels, in model order
 * @param labels thresholded predicted labels (ontology terms)
 * @param reportLabels labels mined from the report sentence, kept apart from predictions
 * @param embedding L2-normalised embedding, {@link #EMBEDDING_DIM} floats
 * @param thumbnail reference to a windowed PNG crop (a path or URL), may be {@code null}
 * @param source where the lesion came from, e.g. {@code deeplesion:/data/DL_info.csv}
 */
public record Lesion(
        LesionId id,
        String patientId,
        String studyId,
        String seriesId,
        Integer keySlice,
        LocalDate studyDate,
        Integer patientAge,
        Sex sex,
        Recist recist,
        BoundingBox boundingBox,
        Spacing spacing,
        BodyLocation location,
        CoarseType coarseType,
        float[] labelScores,
        Set<String> labels,
        Set<String> reportLabels,
        float[] embedding,
        ModelInfo model,
        String thumbnail,
        String source) {

    public static final int EMBEDDING_DIM = 1024;

    public Lesion {
        sex = sex == null ? Sex.UNKNOWN : sex;
        coarseType = coarseType == null ? CoarseType.UNKNOWN : coarseType;
        labels = labels == null ? Set.of() : Set.copyOf(new TreeSet<>(labels));
        reportLabels = reportLabels == null ? Set.of() : Set.copyOf(new TreeSet<>(reportLabels));
        labelScores = labelScores == null ? null : labelScores.clone();
        embedding = embedding == null ? null : embedding.clone();
    }

    public static Builder builder(String id) {
        return new Builder().id(LesionId.of(id));
    }

    public Builder toBuilder() {
        return new Builder().id(id).patientId(patientId).studyId(studyId).seriesId(seriesId).keySlice(keySlice)
                .studyDate(studyDate).patientAge(patientAge).sex(sex).recist(recist).boundingBox(boundingBox)
                .spacing(spacing).location(location).coarseType(coarseType).labelScores(labelScores)
                .labels(labels).reportLabels(reportLabels).embedding(embedding).model(model)
                .thumbnail(thumbnail).source(source);
    }

    /** Long axis in mm, or {@code null} when the lesion was not measured. */
    public Double sizeMm() {
        return recist == null ? null : recist.longAxisMm();
    }

    @Override
    public float[] labelScores() {
        return labelScores == null ? null : labelScores.clone();
    }

    @Override
    public float[] embedding() {
        return embedding == null ? null : embedding.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Lesion l)) {
            return false;
        }
        return Objects.equals(id, l.id) && Objects.equals(patientId, l.patientId) && Objects.equals(studyId, l.studyId)
                && Objects.equals(seriesId, l.seriesId) && Objects.equals(keySlice, l.keySlice)
                && Objects.equals(studyDate, l.studyDate) && Objects.equals(patientAge, l.patientAge) && sex == l.sex
                && Objects.equals(recist, l.recist) && Objects.equals(boundingBox, l.boundingBox)
                && Objects.equals(spacing, l.spacing) && Objects.equals(location, l.location)
                && coarseType == l.coarseType && Arrays.equals(labelScores, l.labelScores)
                && labels.equals(l.labels) && reportLabels.equals(l.reportLabels)
                && Arrays.equals(embedding, l.embedding) && Objects.equals(model, l.model)
                && Objects.equals(thumbnail, l.thumbnail) && Objects.equals(source, l.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, patientId, studyId, keySlice, Arrays.hashCode(embedding));
    }

    @Override
    public String toString() {
        return "Lesion[" + id + ", " + coarseType.label() + (recist == null ? "" : ", " + recist.longAxisMm() + " mm") + "]";
    }

    /** Mutable builder; {@link #build()} makes the immutable record without validating it. */
    public static final class Builder {
        private LesionId id;
        private String patientId, studyId, seriesId, thumbnail, source;
        private Integer keySlice, patientAge;
        private LocalDate studyDate;
        private Sex sex;
        private Recist recist;
        private BoundingBox boundingBox;
        private Spacing spacing;
        private BodyLocation location;
        private CoarseType coarseType;
        private float[] labelScores, embedding;
        private Set<String> labels, reportLabels;
        private ModelInfo model;

        public Builder id(LesionId v) { id = v; return this; }
        public Builder patientId(String v) { patientId = v; return this; }
        public Builder studyId(String v) { studyId = v; return this; }
        public Builder seriesId(String v) { seriesId = v; return this; }
        public Builder keySlice(Integer v) { keySlice = v; return this; }
        public Builder studyDate(LocalDate v) { studyDate = v; return this; }
        public Builder patientAge(Integer v) { patientAge = v; return this; }
        public Builder sex(Sex v) { sex = v; return this; }
        public Builder recist(Recist v) { recist = v; return this; }
        public Builder boundingBox(BoundingBox v) { boundingBox = v; return this; }
        public Builder spacing(Spacing v) { spacing = v; return this; }
        public Builder location(BodyLocation v) { location = v; return this; }
        public Builder coarseType(CoarseType v) { coarseType = v; return this; }
        public Builder labelScores(float[] v) { labelScores = v; return this; }
        public Builder labels(Set<String> v) { labels = v; return this; }
        public Builder reportLabels(Set<String> v) { reportLabels = v; return this; }
        public Builder embedding(float[] v) { embedding = v; return this; }
        public Builder model(ModelInfo v) { model = v; return this; }
        public Builder thumbnail(String v) { thumbnail = v; return this; }
        public Builder source(String v) { source = v; return this; }

        public Lesion build() {
            return new Lesion(id, patientId, studyId, seriesId, keySlice, studyDate, patientAge, sex, recist,
                    boundingBox, spacing, location, coarseType, labelScores, labels, reportLabels, embedding, model,
                    thumbnail, source);
        }
    }
}
