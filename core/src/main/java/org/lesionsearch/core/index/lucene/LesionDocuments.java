package org.lesionsearch.core.index.lucene;

import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.lesionsearch.core.index.Filter.NumericField;
import org.lesionsearch.core.lesion.Lesion;

/** Turns a validated lesion into its Lucene document. */
final class LesionDocuments {

    private LesionDocuments() {
    }

    static Document toDocument(Lesion lesion) {
        Document doc = new Document();
        String id = lesion.id().value();
        doc.add(new StringField(LesionFields.ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(LesionFields.ID, new BytesRef(id)));
        doc.add(new StringField(LesionFields.PATIENT, lesion.patientId(), Field.Store.NO));
        doc.add(new StringField(LesionFields.STUDY, lesion.studyId(), Field.Store.NO));
        doc.add(new StringField(LesionFields.COARSE_TYPE, lesion.coarseType().name(), Field.Store.NO));
        doc.add(new StringField(LesionFields.SEX, lesion.sex().name(), Field.Store.NO));
        for (String label : lesion.labels()) {
            doc.add(new StringField(LesionFields.LABEL_PREDICTED, label, Field.Store.NO));
        }
        for (String label : lesion.reportLabels()) {
            doc.add(new StringField(LesionFields.LABEL_REPORT, label, Field.Store.NO));
        }
        Set<String> any = new TreeSet<>(lesion.labels());
        any.addAll(lesion.reportLabels());
        for (String label : any) {
            doc.add(new StringField(LesionFields.LABEL_ANY, label, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(LesionFields.LABEL_ANY, new BytesRef(label)));
        }
        if (lesion.recist() != null) {
            point(doc, NumericField.SIZE_MM, lesion.recist().longAxisMm());
            point(doc, NumericField.SHORT_AXIS_MM, lesion.recist().shortAxisMm());
            doc.add(new DoubleDocValuesField(LesionFields.SORT_SIZE, lesion.recist().longAxisMm()));
        }
        if (lesion.patientAge() != null) {
            point(doc, NumericField.AGE, lesion.patientAge());
        }
        if (lesion.location() != null) {
            point(doc, NumericField.LOCATION_X, lesion.location().x());
            point(doc, NumericField.LOCATION_Y, lesion.location().y());
            point(doc, NumericField.LOCATION_Z, lesion.location().z());
        }
        if (lesion.studyDate() != null) {
            point(doc, NumericField.STUDY_DATE_EPOCH_DAY, lesion.studyDate().toEpochDay());
            doc.add(new NumericDocValuesField(LesionFields.SORT_DATE, lesion.studyDate().toEpochDay()));
        }
        if (lesion.keySlice() != null) {
            point(doc, NumericField.KEY_SLICE, lesion.keySlice());
        }
        float[] embedding = lesion.embedding();
        if (embedding != null) {
            doc.add(new KnnFloatVectorField(LesionFields.EMBEDDING, embedding, VectorSimilarityFunction.DOT_PRODUCT));
        }
        doc.add(new BinaryDocValuesField(LesionFields.PAYLOAD, new BytesRef(LesionPayload.encode(lesion))));
        return doc;
    }

    private static void point(Document doc, NumericField field, double value) {
        doc.add(new DoublePoint(LesionFields.numeric(field), value));
    }
}
