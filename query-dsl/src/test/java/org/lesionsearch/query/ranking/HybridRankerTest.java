package org.lesionsearch.query.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.query.CompiledQuery;
import org.lesionsearch.query.QueryCompiler;

class HybridRankerTest {

    private static final ModelInfo MODEL = new ModelInfo("ranking-test", "1");
    private static final LabelVocabulary VOCABULARY = LabelVocabulary.lesaNet171();

    @TempDir
    Path dir;
    private LuceneLesionIndex index;
    private final QueryCompiler compiler = new QueryCompiler(LesionOntology.lesaNet());
    private final SplittableRandom random = new SplittableRandom(7);
    private float[] axis;

    @BeforeEach
    void open() {
        index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults());
        axis = unit(gaussian());
    }

    @AfterEach
    void close() {
        index.close();
    }

    /**
     * The example is a hypodense liver lesion. "near" looks almost the same but the labeler
     * sees nothing of the kind; "agreeing" looks a little less alike but carries both labels.
     */
    private void exampleWithTwoRivals() {
        index.upsert(List.of(
                lesion("example", axis(1.0), Map.of("liver", 0.95f, "hypoattenuation", 0.9f), 20, new BodyLocation(0.3, 0.5, 0.6)),
                lesion("near", axis(0.95), Map.of("liver", 0.05f, "hypoattenuation", 0.1f), 40, new BodyLocation(0.3, 0.5, 0.6)),
                lesion("agreeing", axis(0.85), Map.of("liver", 0.9f, "hypoattenuation", 0.8f), 10, new BodyLocation(0.6, 0.5, 0.2)),
                lesion("far", axis(0.1), Map.of(), 20, new BodyLocation(0.9, 0.9, 0.9))));
        index.commit();
    }

    @Test
    void labelAgreementCanOutrankASlightlyCloserEmbedding() {
        exampleWithTwoRivals();
        CompiledQuery q = compiler.compile("similar:example");

        RankedResult hybrid = new HybridRanker(index, VOCABULARY, RankingOptions.defaults()).search(q, 0, 3, false);
        assertThat(ids(hybrid)).containsExactly("agreeing", "near", "far");

        RankedResult embeddingOnly = new HybridRanker(index, VOCABULARY, RankingOptions.defaults().withWeights(1, 0))
                .search(q, 0, 3, false);
        assertThat(ids(embeddingOnly)).containsExactly("near", "agreeing", "far");

        RankedResult rrf = new HybridRanker(index, VOCABULARY, RankingOptions.defaults().withFusion(Fusion.RECIPROCAL_RANK))
                .search(q, 0, 3, false);
        // agreeing: ranks 2 and 1; near: ranks 1 and 2 -> tie broken by id
        assertThat(rrf.hits().get(0).score()).isEqualTo(rrf.hits().get(1).score());
        assertThat(ids(rrf)).containsExactly("agreeing", "near", "far");
    }

    @Test
    void everyHitIsExplained() {
        exampleWithTwoRivals();
        RankedResult r = new HybridRanker(index, VOCABULARY, RankingOptions.defaults())
                .search(compiler.compile("similar:example"), 0, 3, false);
        RankedHit agreeing = r.hits().getFirst();
        HitExplanation e = agreeing.explanation();
        assertThat(e.cosine()).isCloseTo(0.85, within(1e-3));
        assertThat(e.sharedLabels()).containsExactlyInAnyOrder(new LabelEvidence("liver", 0.9f),
                new LabelEvidence("hypoattenuation", 0.8f));
        assertThat(e.missingLabels()).isEmpty();
        assertThat(e.labelAgreement()).isCloseTo((0.9 + 0.8) / 2, within(1e-6));
        assertThat(e.sizeRatio()).isEqualTo(0.5);
        assertThat(e.locationDistance()).isCloseTo(0.5, within(1e-9));
        assertThat(e.embeddingRank()).isEqualTo(2);
        assertThat(e.labelRank()).isEqualTo(1);
        assertThat(agreeing.score()).isCloseTo(0.7 * e.cosine() + 0.3 * e.labelAgreement(), within(1e-9));

        HitExplanation near = r.hits().get(1).explanation();
        assertThat(near.sharedLabels()).isEmpty();
        assertThat(near.missingLabels()).extracting(LabelEvidence::label).containsExactlyInAnyOrder("liver", "hypoattenuation");
        assertThat(near.sizeRatio()).isEqualTo(2.0);
    }

    @Test
    void queryLabelsRankAFilterOnlySearchByProbability() {
        List<Lesion> lesions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            float p = 0.5f + 0.08f * i;
            lesions.add(lesion("l" + i, unit(gaussian()), Map.of("liver", p, "hypoattenuation", p), 10 + i, null));
        }
        lesions.add(lesion("kidney", unit(gaussian()), Map.of("kidney", 0.9f), 10, null));
        index.upsert(lesions);
        index.commit();
        RankedResult r = new HybridRanker(index, VOCABULARY, RankingOptions.defaults())
                .search(compiler.compile("hypodense liver"), 0, 10, true);
        assertThat(ids(r)).containsExactly("l5", "l4", "l3", "l2", "l1", "l0");
        assertThat(r.totalMatches()).isEqualTo(6);
        assertThat(r.hits().getFirst().explanation().cosine()).isNaN();
        assertThat(r.facets().count("liver")).isEqualTo(6);
        assertThat(r.facets().count("kidney")).isZero();
    }

    @Test
    void pagesAreCutFromOneStableRanking() {
        List<Lesion> lesions = new ArrayList<>();
        // 45 lesions: every page lies within the default candidate pool of 50.
        for (int i = 0; i < 45; i++) {
            // Many equal probabilities, so ties must be broken the same way on every page.
            float p = 0.5f + (i % 3) / 10f;
            lesions.add(lesion(String.format("p%02d", i), i == 0 ? axis : unit(gaussian()), Map.of("liver", p), 10, null));
        }
        index.upsert(lesions);
        index.commit();
        HybridRanker ranker = new HybridRanker(index, VOCABULARY, RankingOptions.defaults());
        CompiledQuery q = compiler.compile("similar:p00 liver");
        List<String> whole = ids(ranker.search(q, 0, 44, false));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 44; offset += 7) {
            paged.addAll(ids(ranker.search(q, offset, 7, false)));
        }
        assertThat(paged).containsExactlyElementsOf(whole);
        assertThat(new HashSet<>(paged)).hasSize(44).doesNotContain("p00");
    }

    @Test
    void withoutLabelsTheCosineOrderIsTheRanking() {
        List<Lesion> lesions = new ArrayList<>();
        lesions.add(lesion("q", axis, Map.of(), 10, null));
        for (int i = 1; i <= 5; i++) {
            lesions.add(lesion("c" + i, axis(1 - 0.1 * i), Map.of(), 10, null));
        }
        index.upsert(lesions);
        index.commit();
        RankedResult r = new HybridRanker(index, VOCABULARY, RankingOptions.defaults())
                .search(compiler.compile("similar:q"), 1, 3, false);
        assertThat(ids(r)).containsExactly("c2", "c3", "c4");
        assertThat(r.hits().getFirst().score()).isCloseTo(0.8, within(1e-3));
        assertThat(r.hits()).extracting(h -> h.explanation().embeddingRank()).containsExactly(2, 3, 4);
        assertThat(r.hits().getFirst().explanation().labelRank()).isNull();
    }

    @Test
    void sortedQueriesKeepTheIndexOrder() {
        exampleWithTwoRivals();
        RankedResult r = new HybridRanker(index, VOCABULARY, RankingOptions.defaults())
                .search(compiler.compile("similar:example sort:size_desc"), 0, 3, false);
        assertThat(ids(r)).containsExactly("near", "far", "agreeing");
        assertThat(r.hits().getFirst().score()).isNaN();
        assertThat(r.hits().getFirst().explanation().sizeRatio()).isEqualTo(2.0);
    }

    @Test
    void aMissingExampleIsNotFound() {
        assertThatThrownBy(() -> new HybridRanker(index, VOCABULARY, RankingOptions.defaults())
                .search(compiler.compile("similar:nobody"), 0, 3, false))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("nobody");
    }

    @Test
    void anExampleWithoutEmbeddingStillGivesLabelsToCompare() {
        index.upsert(List.of(
                lesion("plain", null, Map.of("liver", 0.9f), 20, null),
                lesion("liverish", unit(gaussian()), Map.of("liver", 0.8f), 20, null),
                lesion("other", unit(gaussian()), Map.of("kidney", 0.8f), 20, null)));
        index.commit();
        RankedResult r = new HybridRanker(index, VOCABULARY, RankingOptions.defaults())
                .search(compiler.compile("similar:plain"), 0, 5, false);
        assertThat(ids(r)).containsExactly("liverish", "other");
    }

    private static List<String> ids(RankedResult r) {
        return r.hits().stream().map(h -> h.lesion().id().value()).toList();
    }

    private Lesion lesion(String id, float[] embedding, Map<String, Float> probabilities, double sizeMm,
            BodyLocation location) {
        float[] scores = new float[VOCABULARY.size()];
        Set<String> labels = new HashSet<>();
        probabilities.forEach((label, p) -> {
            scores[VOCABULARY.indexOf(label).orElseThrow()] = p;
            if (p >= 0.5f) {
                labels.add(label);
            }
        });
        return Lesion.builder(id).patientId("p-" + id).studyId("s1").coarseType(CoarseType.LIVER)
                .recist(Recist.of(sizeMm, sizeMm / 2)).location(location).labelScores(scores).labels(labels)
                .embedding(embedding).model(MODEL).build();
    }

    /** A unit vector whose cosine with {@link #axis} is {@code cosine}. */
    private float[] axis(double cosine) {
        float[] other = unit(gaussian());
        double dot = 0;
        for (int i = 0; i < other.length; i++) {
            dot += other[i] * axis[i];
        }
        float[] orthogonal = new float[other.length];
        for (int i = 0; i < other.length; i++) {
            orthogonal[i] = (float) (other[i] - dot * axis[i]);
        }
        orthogonal = unit(orthogonal);
        double sin = Math.sqrt(1 - cosine * cosine);
        float[] v = new float[other.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (cosine * axis[i] + sin * orthogonal[i]);
        }
        return unit(v);
    }

    private float[] gaussian() {
        float[] v = new float[Lesion.EMBEDDING_DIM];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float s = (float) (1 / Math.sqrt(n));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * s;
        }
        return out;
    }
}
