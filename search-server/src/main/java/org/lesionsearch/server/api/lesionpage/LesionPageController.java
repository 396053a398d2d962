package org.lesionsearch.server.api.lesionpage;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.core.tracking.MatchModel;
import org.lesionsearch.core.tracking.PatientTracking;
import org.lesionsearch.query.CompiledQuery;
import org.lesionsearch.query.ParsedQuery;
import org.lesionsearch.query.ast.Query;
import org.lesionsearch.query.ranking.HybridRanker;
import org.lesionsearch.query.ranking.RankedResult;
import org.lesionsearch.query.ranking.RankingOptions;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ApiException;
import org.lesionsearch.server.api.lesions.Include;
import org.lesionsearch.server.api.lesions.LesionController;
import org.lesionsearch.server.api.matching.TracksAnswer;
import org.lesionsearch.server.api.query.DeidentifiedView;
import org.lesionsearch.server.api.query.PseudonymLookup;
import org.lesionsearch.server.api.query.QueryAnswer;
import org.lesionsearch.server.auth.Principals;

/**
 * {@code GET /api/lesions/{id}/page}: a lesion with its labels, the most similar lesions of other
 * patients and the patient's timeline (tracks, diameters, RECIST response), for the lesion page.
 * With {@code deidentified=true} every id is a pseudonym and dates are left out; the id in the
 * path may itself be a pseudonym.
 */
public final class LesionPageController implements Routes {

    static final int DEFAULT_SIMILAR = 12;
    static final int MAX_SIMILAR = 100;

    private final LesionIndex index;
    private final LabelVocabulary vocabulary;
    private final PseudonymLookup lesions;
    private final DeidentifiedView deidentified;
    private final HybridRanker ranker;
    private final PatientTracking tracking;

    public LesionPageController(ApiContext context) {
        this.index = context.index();
        this.vocabulary = context.vocabulary();
        this.lesions = new PseudonymLookup(context.index(), context.pseudonyms());
        this.deidentified = new DeidentifiedView(context.pseudonyms());
        this.ranker = new HybridRanker(context.index(), context.vocabulary(), RankingOptions.defaults());
        this.tracking = new PatientTracking(context.index(), MatchModel.defaults());
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/lesions/{id}/page", this::page);
    }

    private void page(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("deidentified", "similar"));
        // a teaching token gets de-identified answers whatever it asks for
        boolean anonymous = params.bool("deidentified", false) || Principals.deidentifiedOnly(ctx);
        int similarCount = params.integer("similar", DEFAULT_SIMILAR, 0, MAX_SIMILAR);
        LesionId id = LesionController.pathId(ctx);
        Lesion lesion = lesions.find(id).orElseThrow(() -> ApiException.notFound("no lesion with id '" + id + "'"));
        // the lesion's probabilities are in the labels list; the similar lesions' cards read theirs from labelScores
        UnaryOperator<Lesion> view = l -> shown(l, EnumSet.noneOf(Include.class), anonymous);
        UnaryOperator<Lesion> hitView = l -> shown(l, EnumSet.of(Include.LABEL_SCORES), anonymous);
        List<QueryAnswer.HitView> similar = similarCount == 0 ? List.of() : similar(lesion, similarCount, hitView);
        TracksAnswer timeline = timeline(lesion.patientId());
        String trackId = timeline == null ? null : timeline.tracks().stream()
                .filter(t -> t.points().stream().anyMatch(p -> p.lesionId().equals(lesion.id().value())))
                .map(TracksAnswer.TrackView::id).findFirst().orElse(null);
        if (anonymous && timeline != null) {
            timeline = DeidentifiedTimeline.of(timeline, deidentified);
        }
        ctx.json(new LesionPage(view.apply(lesion), labels(lesion), similar, timeline, trackId, anonymous));
    }

    private Lesion shown(Lesion lesion, Set<Include> include, boolean anonymous) {
        Lesion v = Include.view(lesion, include);
        return anonymous ? deidentified.of(v) : v;
    }

    /** The most similar lesions of other patients, ranked by embedding and label agreement with this one. */
    private List<QueryAnswer.HitView> similar(Lesion lesion, int k, UnaryOperator<Lesion> view) {
        SearchRequest request = new SearchRequest(null, lesion.id(), Filter.not(Filter.patient(lesion.patientId())), k, 0,
                SortOrder.RELEVANCE, false);
        CompiledQuery query = new CompiledQuery(ParsedQuery.of(new Query(null, lesion.id(), k, null)), request, List.of(),
                Set.of());
        RankedResult result;
        try {
            result = ranker.search(query, 0, k, false);
        } catch (NoSuchElementException deletedMeanwhile) {
            return List.of();
        }
        return result.hits().stream().map(h -> QueryAnswer.HitView.of(h, view.apply(h.lesion()))).toList();
    }

    private TracksAnswer timeline(String patientId) {
        try {
            return TracksAnswer.of(tracking.tracks(patientId));
        } catch (NoSuchElementException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Predicted and reported labels, then other labels the model finds likely, most probable first. */
    private List<LesionPage.LabelView> labels(Lesion lesion) {
        float[] scores = lesion.labelScores();
        Set<String> names = new LinkedHashSet<>(lesion.labels());
        names.addAll(lesion.reportLabels());
        if (scores != null) {
            for (int i = 0; i < Math.min(scores.length, vocabulary.size()); i++) {
                if (scores[i] >= LesionPage.MIN_SHOWN_PROBABILITY) {
                    names.add(vocabulary.term(i));
                }
            }
        }
        List<LesionPage.LabelView> out = new ArrayList<>(names.size());
        for (String name : names) {
            Double probability = scores == null ? null
                    : vocabulary.indexOf(name).filter(i -> i < scores.length).map(i -> (double) scores[i]).orElse(null);
            String labelClass = vocabulary.classOf(name).map(LabelClass::csvName).orElse(null);
            out.add(new LesionPage.LabelView(name, labelClass, probability, lesion.labels().contains(name),
                    lesion.reportLabels().contains(name)));
        }
        // what the report says first, then what the model predicts, then what it finds likely
        out.sort(Comparator.comparing((LesionPage.LabelView l) -> !l.reported())
                .thenComparing(l -> !l.predicted())
                .thenComparingDouble(l -> l.probability() == null ? 1 : -l.probability())
                .thenComparing(LesionPage.LabelView::term));
        return out;
    }
}
