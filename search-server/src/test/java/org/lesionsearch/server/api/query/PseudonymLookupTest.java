package org.lesionsearch.server.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.IndexStats;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.query.QueryCompiler;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.web.SampleIndex;
import org.lesionsearch.server.web.SampleServer;

/** Pseudonyms lead back to their lesion, so that de-identified pages can link "more like this". */
class PseudonymLookupTest {

    private static final Pseudonyms KEY = new Pseudonyms("a test key of sixteen bytes or more".getBytes(StandardCharsets.UTF_8));

    private static SampleIndex.Built sample;
    private static SampleServer server;

    @BeforeAll
    static void start() {
        sample = SampleIndex.get();
        server = new SampleServer(sample.context(ServerConfig.defaults().withPort(0)).withPseudonyms(KEY));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Lesion someLesion() {
        return sample.index().search(SearchRequest.byFilter(Filter.all(), 1)).hits().getFirst().lesion();
    }

    /** The sample index, counting searches (a pass over the ids is a run of searches). */
    private static final class CountingIndex implements LesionIndex {
        final LesionIndex delegate;
        final AtomicInteger searches = new AtomicInteger();

        CountingIndex(LesionIndex delegate) {
            this.delegate = delegate;
        }

        @Override public String backend() { return delegate.backend(); }
        @Override public Optional<ModelInfo> model() { return delegate.model(); }
        @Override public UpsertResult upsert(List<Lesion> lesions) { return delegate.upsert(lesions); }
        @Override public boolean delete(LesionId id) { return delegate.delete(id); }
        @Override public Optional<Lesion> get(LesionId id) { return delegate.get(id); }
        @Override public SearchResult search(SearchRequest request) { searches.incrementAndGet(); return delegate.search(request); }
        @Override public List<Lesion> listByPatient(String patientId) { return delegate.listByPatient(patientId); }
        @Override public LabelFacets facets(Filter filter) { return delegate.facets(filter); }
        @Override public long count(Filter filter) { return delegate.count(filter); }
        @Override public IndexStats stats() { return delegate.stats(); }
        @Override public void commit() { delegate.commit(); }
        @Override public void close() { }
    }

    @Test
    void aPseudonymResolvesToItsLesionAndUnknownOnesDoNotRescanEveryTime() {
        CountingIndex index = new CountingIndex(sample.index());
        PseudonymLookup lookup = new PseudonymLookup(index, KEY);
        Lesion lesion = someLesion();
        String pseudonym = KEY.lesion(lesion.id().value());

        assertThat(lookup.find(LesionId.of(pseudonym))).hasValue(lesion);
        assertThat(lookup.find(lesion.id())).as("a plain id").hasValue(lesion);
        int afterFirstPass = index.searches.get();
        assertThat(afterFirstPass).isPositive();

        assertThat(lookup.lesion(KEY.lesion(lesion.id().value()))).hasValue(lesion.id());
        assertThat(lookup.lesion("L-000000000000")).isEmpty();
        assertThat(lookup.lesion("L-ffffffffffff")).isEmpty();
        assertThat(index.searches.get()).as("unknown pseudonyms of an unchanged index: no new pass").isEqualTo(afterFirstPass);

        assertThat(lookup.lesion("not-a-pseudonym")).isEmpty();
        assertThat(lookup.lesion(null)).isEmpty();
        assertThat(new PseudonymLookup(index, new Pseudonyms(new byte[16])).lesion(pseudonym))
                .as("another key's pseudonym").isEmpty();
    }

    @Test
    void aPseudonymousExampleIsReplacedButTheQueryKeepsItsWording() {
        Lesion lesion = someLesion();
        String pseudonym = KEY.lesion(lesion.id().value());
        var compiled = new QueryCompiler(LesionOntology.lesaNet()).compile("similar:" + pseudonym);
        var resolved = new PseudonymLookup(sample.index(), KEY).resolveExample(compiled);
        assertThat(resolved.request().example()).isEqualTo(lesion.id());
        assertThat(resolved.parsed().source()).contains(pseudonym);
        var plain = new QueryCompiler(LesionOntology.lesaNet()).compile("similar:" + lesion.id().value());
        assertThat(new PseudonymLookup(sample.index(), KEY).resolveExample(plain)).isSameAs(plain);
    }

    @Test
    void moreLikeThisOnADeidentifiedHitSearchesByItsPseudonym() {
        Lesion lesion = someLesion();
        String pseudonym = KEY.lesion(lesion.id().value());
        SampleServer.Reply r = server.get("/api/search?deidentified=true&k=5&q="
                + URLEncoder.encode("similar:" + pseudonym, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/query").asText()).contains(pseudonym).doesNotContain(lesion.id().value());
        assertThat(r.at("/hits")).hasSize(5);
        assertThat(r.at("/hits").findValuesAsText("id")).allMatch(id -> id.matches("L-[0-9a-f]{12}")).doesNotContain(pseudonym);
        assertThat(r.at("/hits/0/explanation/cosine").isNumber()).isTrue();

        SampleServer.Reply unknown = server.get("/api/search?deidentified=true&q=similar:L-000000000000");
        assertThat(unknown.status()).isEqualTo(422);
    }
}
