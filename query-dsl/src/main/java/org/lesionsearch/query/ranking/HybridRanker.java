package org.lesionsearch.query.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchHit;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.query.CompiledQuery;

/**
 * Ranks the hits of a compiled query by embedding similarity combined with label agreement, and
 * explains every hit. Candidates come from {@link LesionIndex#search} (a fixed pool of the
 * nearest lesions, so that every page within the pool is cut from one ranking); the fused order
 * breaks ties by lesion id, so pages are stable. Without reference labels the index's cosine
 * order is the ranking and no pool is fetched; queries sorted by size or date keep the index's
 * order. Every hit is explained either way. Thread-safe.
 */
public final class HybridRanker {

    private final LesionIndex index;
    private final LabelVocabulary vocabulary;
    private final RankingOptions options;

    public HybridRanker(LesionIndex index, LabelVocabulary vocabulary, RankingOptions options) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.options = options;
    }

    public RankingOptions options() {
        return options;
    }

    /**
     * @throws NoSuchElementException when the query's example lesion does not exist
     */
    public RankedResult search(CompiledQuery query, int offset, int k, boolean facets) {
        SearchRequest request = query.request();
        Lesion example = null;
        if (request.example() != null) {
            var exampleId = request.example();
            example = index.get(exampleId).orElseThrow(() -> new NoSuchElementException(
                    "no lesion with id " + exampleId + " to use as the example"));
            if (example.embedding() == null) {
                // Without an embedding the example still gives labels, size and location to compare with.
                request = new SearchRequest(null, null, Filter.and(request.filter(), Filter.excluding(example.id())),
                        request.k(), 0, request.sort(), false);
            }
        }
        ReferenceLabels references = ReferenceLabels.of(query.labels(), example, vocabulary);
        boolean hasVector = request.vector() != null || request.example() != null;
        // Re-ranking needs label references; without them the index's own order is the ranking.
        boolean rerank = request.sort() == SortOrder.RELEVANCE && !references.isEmpty();

        if (!rerank) {
            boolean byCosine = request.sort() == SortOrder.RELEVANCE && hasVector;
            SearchResult page = index.search(request.withPage(k, offset).withFacets(facets));
            List<RankedHit> hits = new ArrayList<>(page.hits().size());
            for (SearchHit h : page.hits()) {
                Integer rank = byCosine ? offset + hits.size() + 1 : null;
                hits.add(new RankedHit(h.lesion(), byCosine ? h.similarity() : Double.NaN,
                        explain(h, references.agreement(h.lesion()), example, rank, null)));
            }
            return new RankedResult(hits, page.totalMatches(), page.plan(), page.facets(), offset, hits.size());
        }

        int basePool = hasVector ? options.candidatePool() : options.filterCandidatePool();
        int pool = (int) Math.min(Integer.MAX_VALUE, Math.max((long) basePool, (long) offset + k));
        SearchResult candidates = index.search(request.withPage(pool, 0).withFacets(facets));
        List<Scored> scored = score(candidates.hits(), references, hasVector);
        List<RankedHit> page = new ArrayList<>(k);
        for (int i = offset; i < Math.min(scored.size(), (long) offset + k); i++) {
            Scored s = scored.get(i);
            page.add(new RankedHit(s.hit.lesion(), s.score, explain(s.hit, s.agreement, example,
                    hasVector ? s.embeddingRank : null, references.isEmpty() ? null : s.labelRank)));
        }
        return new RankedResult(page, candidates.totalMatches(), candidates.plan(), candidates.facets(), offset,
                scored.size());
    }

    private List<Scored> score(List<SearchHit> hits, ReferenceLabels references, boolean hasVector) {
        List<Scored> scored = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            scored.add(new Scored(h, references.agreement(h.lesion())));
        }
        Comparator<Scored> byId = Comparator.comparing(s -> s.hit.lesion().id());
        List<Scored> byCosine = new ArrayList<>(scored);
        byCosine.sort(Comparator.comparingDouble((Scored s) -> cosineOrZero(s.hit)).reversed().thenComparing(byId));
        for (int i = 0; i < byCosine.size(); i++) {
            byCosine.get(i).embeddingRank = i + 1;
        }
        List<Scored> byLabels = new ArrayList<>(scored);
        byLabels.sort(Comparator.comparingDouble((Scored s) -> zeroIfNaN(s.agreement.score())).reversed().thenComparing(byId));
        for (int i = 0; i < byLabels.size(); i++) {
            byLabels.get(i).labelRank = i + 1;
        }
        boolean hasLabels = !references.isEmpty();
        for (Scored s : scored) {
            s.score = switch (options.fusion()) {
                case WEIGHTED_SUM -> (hasVector ? options.embeddingWeight() * cosineOrZero(s.hit) : 0)
                        + (hasLabels ? options.labelWeight() * zeroIfNaN(s.agreement.score()) : 0);
                case RECIPROCAL_RANK -> (hasVector ? 1.0 / (options.rrfConstant() + s.embeddingRank) : 0)
                        + (hasLabels ? 1.0 / (options.rrfConstant() + s.labelRank) : 0);
            };
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> s.score).reversed().thenComparing(byId));
        return scored;
    }

    private static HitExplanation explain(SearchHit hit, ReferenceLabels.Agreement agreement, Lesion example,
            Integer embeddingRank, Integer labelRank) {
        Lesion l = hit.lesion();
        Double sizeRatio = null, distance = null;
        if (example != null) {
            Double a = l.sizeMm(), b = example.sizeMm();
            if (a != null && b != null && b > 0) {
                sizeRatio = a / b;
            }
            if (l.location() != null && example.location() != null) {
                distance = l.location().distanceTo(example.location());
            }
        }
        return new HitExplanation(hit.similarity(), agreement.score(), agreement.shared(), agreement.missing(),
                sizeRatio, distance, embeddingRank, labelRank);
    }

    private static double cosineOrZero(SearchHit h) {
        return Double.isNaN(h.similarity()) ? 0 : h.similarity();
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static final class Scored {
        final SearchHit hit;
        final ReferenceLabels.Agreement agreement;
        int embeddingRank;
        int labelRank;
        double score;

        Scored(SearchHit hit, ReferenceLabels.Agreement agreement) {
            this.hit = hit;
            this.agreement = agreement;
        }
    }
}
