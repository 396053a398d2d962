package org.lesionsearch.server.api.labels;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.QueryParams;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.error.ApiException;

/**
 * {@code GET /api/labels} (the model's labels in output order, to read {@code labelScores}) and
 * {@code GET /api/labels/suggest?prefix=} (completions for the search box from the ontology).
 */
public final class LabelController implements Routes {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    static final int MAX_PREFIX = 100;

    /** The answer to {@code GET /api/labels}. */
    public record Labels(int count, List<Label> labels) {
    }

    public record Label(int index, String term, String labelClass) {
    }

    /** The answer to {@code GET /api/labels/suggest}. */
    public record Suggestions(String prefix, List<LabelSuggester.Suggestion> suggestions) {
    }

    private final Labels labels;
    private final LabelSuggester suggester;

    public LabelController(ApiContext context) {
        LabelVocabulary vocabulary = context.vocabulary();
        List<Label> all = new ArrayList<>(vocabulary.size());
        for (int i = 0; i < vocabulary.size(); i++) {
            all.add(new Label(i, vocabulary.term(i), vocabulary.labelClass(i).csvName()));
        }
        this.labels = new Labels(all.size(), List.copyOf(all));
        this.suggester = new LabelSuggester(context.ontology());
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/labels", this::labels);
        app.get("/api/labels/suggest", this::suggest);
    }

    private void labels(Context ctx) {
        QueryParams.of(ctx, Set.of());
        ctx.header("Cache-Control", "max-age=3600");
        ctx.json(labels);
    }

    private void suggest(Context ctx) {
        QueryParams params = QueryParams.of(ctx, Set.of("prefix", "limit", "class"));
        String prefix = params.string("prefix");
        if (prefix == null || prefix.isBlank()) {
            throw ApiException.badRequest("prefix", "query parameter 'prefix' is missing, e.g. prefix=hypo");
        }
        if (prefix.length() > MAX_PREFIX) {
            throw ApiException.badRequest("prefix", "prefix is longer than " + MAX_PREFIX + " characters");
        }
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String classText = params.string("class");
        LabelClass only;
        try {
            only = classText == null || classText.isBlank() ? null : LabelClass.fromCsv(classText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("class", e.getMessage());
        }
        ctx.json(new Suggestions(prefix, suggester.suggest(prefix, only, limit)));
    }
}
