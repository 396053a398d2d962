package org.lesionsearch.server.api.example;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.indexer.patch.LesionSlices;
import org.lesionsearch.indexer.patch.PatchExtractor;
import org.lesionsearch.models.inference.Encoding;
import org.lesionsearch.models.inference.LesionEncoder;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.query.CompiledQuery;
import org.lesionsearch.query.QueryCompiler;
import org.lesionsearch.query.QueryException;
import org.lesionsearch.query.QueryPrinter;
import org.lesionsearch.query.ranking.HybridRanker;
import org.lesionsearch.query.ranking.LabelEvidence;
import org.lesionsearch.query.ranking.RankedResult;
import org.lesionsearch.query.ranking.RankingOptions;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.lesions.Include;
import org.lesionsearch.server.api.query.DeidentifiedView;
import org.lesionsearch.server.api.query.QueryAnswer;
import org.lesionsearch.server.api.query.QueryProblem;
import org.lesionsearch.server.auth.Principals;

/**
 * Search by an uploaded example: {@code POST /api/example-search/preview} turns a PNG or DICOM
 * slice into a picture the page can draw the lesion on, and {@code POST /api/example-search}
 * cuts the drawn lesion's patches from the slice, encodes them with the model that made the
 * index's vectors and answers the most similar lesions, optionally narrowed by a query in the
 * query language. The file is the request body; everything else is a query parameter.
 */
public final class ExampleController implements Routes {

    static final Set<String> PREVIEW_PARAMETERS = Set.of("spacing", "window", "name");
    static final Set<String> SEARCH_PARAMETERS = Set.of("box", "line", "spacing", "q", "k", "offset", "facets",
            "deidentified", "name");
    static final double DEFAULT_SPACING_MM = 0.8;
    static final int DEFAULT_K = 24;

    private final ServerConfig config;
    private final LesionIndex index;
    private final LabelVocabulary vocabulary;
    private final LesionEncoder encoder;
    private final PatchExtractor patches;
    private final QueryCompiler compiler;
    private final DeidentifiedView deidentified;

    public ExampleController(ApiContext context) {
        this.config = context.config();
        this.index = context.index();
        this.vocabulary = context.vocabulary();
        this.encoder = context.encoder();
        this.patches = encoder == null ? null : new PatchExtractor(encoder.inputSpec());
        this.compiler = new QueryCompiler(context.ontology());
        this.deidentified = new DeidentifiedView(context.pseudonyms());
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/example-search/preview", this::preview);
        app.post("/api/example-search", this::search);
    }

    private void preview(Context ctx) {
        QueryParams params = QueryParams.of(ctx, PREVIEW_PARAMETERS);
        String window = params.string("window");
        SlicePreview.window(window);
        UploadedSlice upload = upload(ctx, params);
        ctx.json(SlicePreview.of(upload, window));
    }

    private void search(Context ctx) {
        QueryParams params = QueryParams.of(ctx, SEARCH_PARAMETERS);
        long start = System.nanoTime();
        LesionEncoder model = requireModel();
        int offset = params.integer("offset", 0, 0, config.maxOffset());
        int pageSize = params.integer("k", DEFAULT_K, 1, config.maxK());
        boolean facets = params.bool("facets", false);
        // a teaching token gets de-identified answers whatever it asks for
        boolean anonymous = params.bool("deidentified", false) || Principals.deidentifiedOnly(ctx);
        String q = params.string("q");
        CompiledQuery compiled;
        try {
            compiled = compiler.compile(q == null ? "" : q);
        } catch (QueryException e) {
            String text = q == null ? "" : q;
            ctx.status(400).json(new QueryProblem(400, "Bad Request", e.getMessage(), "q",
                    e.position() < 0 ? null : e.position(),
                    e.position() < 0 ? null : Math.max(0, e.span().end() - e.span().start()),
                    e.suggestions().isEmpty() ? null : e.suggestions(), e.pointer(text)));
            return;
        }
        if (compiled.request().example() != null) {
            throw ApiException.unprocessable("q", "the uploaded lesion is the example; leave similar: out of the query");
        }
        UploadedSlice upload = upload(ctx, params);
        ExampleRegion region = ExampleRegion.parse(params.string("box"), params.string("line"),
                upload.slice().width(), upload.slice().height());
        LesionPatches input = patches.extract("upload", LesionSlices.keyOnly(upload.slice()), region.centerX(), region.centerY());
        Encoding encoding = model.encode(List.of(input)).getFirst();

        int k = compiled.parsed().query().k() != null ? compiled.parsed().query().k() : pageSize;
        QueryParams.inRange("k", k, 1, config.maxK());
        SearchRequest filtered = compiled.request();
        CompiledQuery byVector = new CompiledQuery(compiled.parsed(), new SearchRequest(encoding.embedding(), null,
                filtered.filter(), k, 0, filtered.sort(), false), compiled.labels(), compiled.excludedLabels());
        RankedResult result;
        try {
            result = new HybridRanker(index, vocabulary, RankingOptions.defaults()).search(byVector, offset, k, facets);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            throw ApiException.unprocessable(null, e.getMessage());
        }
        UnaryOperator<Lesion> view = l -> {
            Lesion v = Include.view(l, Set.of(Include.LABEL_SCORES));
            return anonymous ? deidentified.of(v) : v;
        };
        List<QueryAnswer.HitView> hits = result.hits().stream().map(h -> QueryAnswer.HitView.of(h, view.apply(h.lesion()))).toList();
        List<QueryAnswer.QueryLabelView> labels = compiled.labels().stream()
                .map(l -> new QueryAnswer.QueryLabelView(l.term(), l.written(), l.modelLabels())).toList();
        double tookMs = Math.round((System.nanoTime() - start) / 1e3) / 1e3;
        QueryAnswer answer = new QueryAnswer(QueryPrinter.print(compiled.parsed().query()), labels, result.totalMatches(), k,
                offset, result.plan(), result.candidates(), tookMs, hits, null, QueryAnswer.facetCounts(result.facets()),
                anonymous);
        double sizeMm = region.longAxisPx() * Math.max(upload.slice().spacingX(), upload.slice().spacingY());
        ctx.json(new ExampleAnswer(new ExampleAnswer.Example(upload.format(), upload.slice().width(), upload.slice().height(),
                upload.slice().spacingX(), labels(encoding), Math.round(sizeMm * 10) / 10.0,
                Double.isNaN(encoding.z()) ? null : encoding.z(), model.model()), answer));
    }

    /** The model, which must exist and be the one whose vectors the index holds. */
    private LesionEncoder requireModel() {
        if (encoder == null) {
            throw new ApiException(503, "search by example needs the model, and this server runs without one"
                    + " (start it with the model that indexed its lesions)", null, null);
        }
        ModelInfo mine = encoder.model();
        index.model().filter(m -> !m.equals(mine)).ifPresent(m -> {
            throw new ApiException(409, "the index holds vectors of " + m + " but the server's model is " + mine
                    + ": their vectors cannot be compared", null, null);
        });
        return encoder;
    }

    private UploadedSlice upload(Context ctx, QueryParams params) {
        double spacing = spacing(params.string("spacing"));
        String name = params.string("name");
        name = name == null || name.isBlank() ? "the upload" : name.strip();
        if (name.length() > 200) {
            throw ApiException.badRequest("name", "name is longer than 200 characters");
        }
        try {
            return UploadedSlice.read(ctx.bodyAsBytes(), name, spacing);
        } catch (UploadedSlice.UnreadableSlice e) {
            throw new ApiException(e.unsupportedType() ? 415 : 422, e.getMessage(), "body", null);
        }
    }

    private static double spacing(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_SPACING_MM;
        }
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("spacing", "spacing must be a number of mm per pixel, was '" + text + "'");
        }
        if (!(v >= 0.05 && v <= 5)) {
            throw ApiException.unprocessable("spacing", "spacing must be between 0.05 and 5 mm per pixel, was " + text);
        }
        return v;
    }

    /** The model's labels for the upload that it scores itself (parents it adds have no probability of their own). */
    private List<LabelEvidence> labels(Encoding encoding) {
        float[] scores = encoding.labelScores();
        List<LabelEvidence> out = new ArrayList<>();
        for (String label : encoding.labels()) {
            vocabulary.indexOf(label).filter(i -> scores != null && i < scores.length)
                    .ifPresent(i -> out.add(new LabelEvidence(label, scores[i])));
        }
        out.sort(Comparator.comparingDouble((LabelEvidence l) -> -l.probability()).thenComparing(LabelEvidence::label));
        return out;
    }
}
