package org.lesionsearch.server.api.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.index.SearchPlan;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.query.ranking.HitExplanation;
import org.lesionsearch.query.ranking.LabelEvidence;
import org.lesionsearch.query.ranking.RankedHit;

/**
 * The answer to {@code GET /api/search?q=}.
 *
 * @param query the query as the server understood it (canonical form)
 * @param labels the labels the query requires, as ontology terms, with the words that meant them
 * @param total lesions matching the filter
 * @param k page size
 * @param offset hits (or patient groups) skipped
 * @param plan how the index answered
 * @param candidates hits the ranking was computed over
 * @param tookMs time from parsing to ranking, in milliseconds
 * @param hits the page, best first (absent when grouped)
 * @param groups the page of patients, best first (only with {@code groupBy=patient})
 * @param facets label counts per class over all matches, when asked for
 * @param deidentified whether ids are pseudonyms and dates are left out
 */
public record QueryAnswer(String query, List<QueryLabelView> labels, long total, int k, int offset, SearchPlan plan,
        int candidates, double tookMs, List<HitView> hits, List<PatientGroup> groups,
        Map<String, Map<String, Long>> facets, boolean deidentified) {

    public record QueryLabelView(String term, String written, List<String> matches) {
    }

    /** Label counts per class ({@code bodypart}, {@code type}, {@code attribute}), or {@code null} without facets. */
    public static Map<String, Map<String, Long>> facetCounts(LabelFacets facets) {
        if (facets == null) {
            return null;
        }
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (LabelClass c : LabelClass.values()) {
            out.put(c.csvName(), facets.counts().getOrDefault(c, Map.of()));
        }
        return out;
    }

    /** One hit: its fused score ({@code null} when the order is a sort) and why it ranks there. */
    public record HitView(Double score, Lesion lesion, Explanation explanation) {

        /** A ranked hit as answered, showing {@code shown} (the lesion as the caller may see it). */
        public static HitView of(RankedHit h, Lesion shown) {
            HitExplanation e = h.explanation();
            return new HitView(orNull(h.score()), shown, new Explanation(orNull(e.cosine()), orNull(e.labelAgreement()),
                    e.sharedLabels(), e.missingLabels(), e.sizeRatio(), e.locationDistance(), e.embeddingRank(),
                    e.labelRank()));
        }

        private static Double orNull(double v) {
            return Double.isNaN(v) ? null : v;
        }
    }

    /**
     * @param cosine embedding similarity, absent without a query lesion
     * @param labelAgreement mean probability of the reference labels, absent without labels
     * @param sizeRatio long axis over the example's, absent without an example
     * @param locationDistance normalised distance to the example, absent without an example
     */
    public record Explanation(Double cosine, Double labelAgreement, List<LabelEvidence> sharedLabels,
            List<LabelEvidence> missingLabels, Double sizeRatio, Double locationDistance, Integer embeddingRank,
            Integer labelRank) {
    }

    /** A patient's best hits; {@code patientId} is a pseudonym in de-identified answers. */
    public record PatientGroup(String patientId, double bestScore, List<HitView> hits) {
    }
}
