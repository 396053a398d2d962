package org.lesionsearch.core.index.lucene;

import java.io.IOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LabelVocabulary;

/** Counts labels (predicted or from the report) over the matches of a filter, per label class. */
final class LabelFacetCounter {

    private final LabelVocabulary vocabulary;

    LabelFacetCounter(LabelVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    LabelFacets count(List<LeafMatches> matches) throws IOException {
        Map<String, Long> byLabel = new HashMap<>();
        for (LeafMatches m : matches) {
            if (m.count() == 0) {
                continue;
            }
            SortedSetDocValues labels = m.context().reader().getSortedSetDocValues(LesionFields.LABEL_ANY);
            if (labels == null) {
                continue;
            }
            long[] perOrd = new long[(int) labels.getValueCount()];
            DocIdSetIterator docs = m.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (labels.advanceExact(doc)) {
                    for (int i = labels.docValueCount(); i > 0; i--) {
                        perOrd[(int) labels.nextOrd()]++;
                    }
                }
            }
            for (int ord = 0; ord < perOrd.length; ord++) {
                if (perOrd[ord] > 0) {
                    byLabel.merge(labels.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
                }
            }
        }
        Map<LabelClass, Map<String, Long>> byClass = new EnumMap<>(LabelClass.class);
        for (LabelClass c : LabelClass.values()) {
            byClass.put(c, new LinkedHashMap<>());
        }
        byLabel.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> vocabulary.classOf(e.getKey()).ifPresent(c -> byClass.get(c).put(e.getKey(), e.getValue())));
        byClass.replaceAll((c, counts) -> Collections.unmodifiableMap(counts));
        return new LabelFacets(byClass);
    }
}
