package org.lesionsearch.server.api.query;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.query.CompiledQuery;
import org.lesionsearch.query.QueryCompiler;
import org.lesionsearch.query.QueryException;
import org.lesionsearch.query.QueryPrinter;
import org.lesionsearch.query.ranking.Fusion;
import org.lesionsearch.query.ranking.HybridRanker;
import org.lesionsearch.query.ranking.RankedHit;
import org.lesionsearch.query.ranking.RankedResult;
import org.lesionsearch.query.ranking.RankingOptions;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.lesions.Include;
import org.lesionsearch.server.auth.Principals;

/**
 * {@code GET /api/search?q=...}: teaching-file lookup in the query language ("cavitary nodule
 * right upper lobe size:>10mm"), ranked by embedding similarity and label agreement, every hit
 * explained; optionally grouped by patient and de-identified.
 */
public final class QueryController implements Routes {

    static final Set<String> PARAMETERS = Set.of("q", "k", "offset", "facets", "groupBy", "perPatient", "deidentified",
            "fusion", "include");
    static final int MAX_PER_PATIENT = 20;

    private final ServerConfig config;
    private final LesionIndex index;
    private final LabelVocabulary vocabulary;
    private final QueryCompiler compiler;
    private final DeidentifiedView deidentified;
    private final PseudonymLookup pseudonymLookup;

    public QueryController(ApiContext context) {
        this(context, context.pseudonyms());
    }

    public QueryController(ApiContext context, Pseudonyms pseudonyms) {
        this.config = context.config();
        this.index = context.index();
        this.vocabulary = context.vocabulary();
        this.compiler = new QueryCompiler(context.ontology());
        this.deidentified = new DeidentifiedView(pseudonyms);
        this.pseudonymLookup = new PseudonymLookup(context.index(), pseudonyms);
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/search", this::search);
    }

    private void search(Context ctx) {
        QueryParams params = QueryParams.of(ctx, PARAMETERS);
        String q = params.string("q");
        if (q == null) {
            throw ApiException.badRequest("q", "query parameter 'q' is missing, e.g. q=hypodense liver lesion size:>10mm");
        }
        long start = System.nanoTime();
        Integer pageSize = params.string("k") == null ? null : params.integer("k", 0, 1, config.maxK());
        int offset = params.integer("offset", 0, 0, config.maxOffset());
        boolean facets = params.bool("facets", false);
        // a teaching token gets de-identified answers whatever it asks for
        boolean anonymous = params.bool("deidentified", false) || Principals.deidentifiedOnly(ctx);
        boolean byPatient = groupByPatient(params.string("groupBy"));
        int perPatient = params.integer("perPatient", 3, 1, MAX_PER_PATIENT);
        Set<Include> include = Include.parseAll("include", params.list("include"));
        RankingOptions options = RankingOptions.defaults().withFusion(fusion(params.string("fusion")));

        CompiledQuery compiled;
        try {
            compiled = compiler.compile(q);
        } catch (QueryException e) {
            ctx.status(400).json(new QueryProblem(400, "Bad Request", e.getMessage(), "q",
                    e.position() < 0 ? null : e.position(),
                    e.position() < 0 ? null : Math.max(0, e.span().end() - e.span().start()),
                    e.suggestions().isEmpty() ? null : e.suggestions(), e.pointer(q)));
            return;
        }
        // "more like this" on a de-identified hit names its example by pseudonym
        compiled = pseudonymLookup.resolveExample(compiled);
        // k written in the query wins over the k parameter: it is what the user typed.
        int k = compiled.parsed().query().k() != null ? compiled.parsed().query().k()
                : pageSize != null ? pageSize : compiled.request().k();
        QueryParams.inRange("k", k, 1, config.maxK());

        HybridRanker ranker = new HybridRanker(index, vocabulary, options);
        UnaryOperator<Lesion> view = l -> {
            Lesion v = Include.view(l, include);
            return anonymous ? deidentified.of(v) : v;
        };
        RankedResult result;
        List<QueryAnswer.HitView> hits = null;
        List<QueryAnswer.PatientGroup> groups = null;
        try {
            if (byPatient) {
                int wanted = (int) Math.min(RankingOptions.MAX_CANDIDATE_POOL, Math.max(50L, 2L * (offset + k) * perPatient));
                result = ranker.search(compiled, 0, wanted, facets);
                groups = group(result.hits(), offset, k, perPatient, view, anonymous);
            } else {
                result = ranker.search(compiled, offset, k, facets);
                hits = result.hits().stream().map(h -> hit(h, view)).toList();
            }
        } catch (NoSuchElementException e) {
            throw ApiException.unprocessable("q", e.getMessage());
        }
        List<QueryAnswer.QueryLabelView> labels = compiled.labels().stream()
                .map(l -> new QueryAnswer.QueryLabelView(l.term(), l.written(), l.modelLabels())).toList();
        double tookMs = Math.round((System.nanoTime() - start) / 1e3) / 1e3;
        ctx.json(new QueryAnswer(QueryPrinter.print(compiled.parsed().query()), labels, result.totalMatches(), k, offset,
                result.plan(), result.candidates(), tookMs, hits, groups, facets(result.facets()), anonymous));
    }

    private static boolean groupByPatient(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (text.trim().equalsIgnoreCase("patient")) {
            return true;
        }
        throw ApiException.badRequest("groupBy", "groupBy can only be 'patient', was '" + text + "'");
    }

    private static Fusion fusion(String text) {
        if (text == null || text.isBlank()) {
            return Fusion.WEIGHTED_SUM;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "weighted", "weighted_sum", "sum" -> Fusion.WEIGHTED_SUM;
            case "rrf", "reciprocal_rank" -> Fusion.RECIPROCAL_RANK;
            default -> throw ApiException.badRequest("fusion", "fusion must be 'weighted' or 'rrf', was '" + text + "'");
        };
    }

    private List<QueryAnswer.PatientGroup> group(List<RankedHit> ranked, int offset, int k, int perPatient,
            UnaryOperator<Lesion> view, boolean anonymous) {
        Map<String, List<RankedHit>> byPatient = new LinkedHashMap<>();
        for (RankedHit h : ranked) {
            byPatient.computeIfAbsent(h.lesion().patientId(), p -> new ArrayList<>()).add(h);
        }
        List<QueryAnswer.PatientGroup> groups = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<RankedHit>> e : byPatient.entrySet()) {
            if (index++ < offset) {
                continue;
            }
            if (groups.size() == k) {
                break;
            }
            List<RankedHit> best = e.getValue().subList(0, Math.min(perPatient, e.getValue().size()));
            groups.add(new QueryAnswer.PatientGroup(anonymous ? deidentified.patient(e.getKey()) : e.getKey(),
                    best.getFirst().score(), best.stream().map(h -> hit(h, view)).toList()));
        }
        return groups;
    }

    private static QueryAnswer.HitView hit(RankedHit h, UnaryOperator<Lesion> view) {
        return QueryAnswer.HitView.of(h, view.apply(h.lesion()));
    }

    private static Map<String, Map<String, Long>> facets(LabelFacets facets) {
        return QueryAnswer.facetCounts(facets);
    }
}
