package org.lesionsearch.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.ontology.ExclusiveConflict;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.core.ontology.OntologyTerm;
import org.lesionsearch.query.ast.Expr;
import org.lesionsearch.query.ast.LabelScope;
import org.lesionsearch.query.ast.Query;

/**
 * Turns a parsed query into the backend-neutral {@link SearchRequest}: free words and label
 * fields become ontology labels (a label matches its descendants, synonyms resolve), requiring
 * two mutually exclusive labels is refused, and unknown words are refused with suggestions.
 * Thread-safe.
 */
public final class QueryCompiler {

    /** Longest run of words tried as one ontology term ("right lower paratracheal lymph node"). */
    static final int LONGEST_TERM_WORDS = 6;

    /** Words people put around labels that carry no label themselves. */
    static final Set<String> FILLER_WORDS = Set.of("lesion", "lesions", "finding", "findings", "case", "cases",
            "a", "an", "the", "in", "of", "with", "at", "on", "within", "is", "are", "show", "find", "me", "all");

    private final LesionOntology ontology;
    private final int defaultK;
    /** Model labels at or below each term, computed once per term: the ontology does not change. */
    private final Map<String, List<String>> modelLabelsByTerm = new ConcurrentHashMap<>();

    public QueryCompiler(LesionOntology ontology, int defaultK) {
        if (defaultK < 1 || defaultK > Query.MAX_K) {
            throw new IllegalArgumentException("default k must be between 1 and " + Query.MAX_K + ", was " + defaultK);
        }
        this.ontology = ontology;
        this.defaultK = defaultK;
    }

    public QueryCompiler(LesionOntology ontology) {
        this(ontology, SearchRequest.DEFAULT_K);
    }

    /** Parses and compiles. */
    public CompiledQuery compile(String text) {
        return compile(QueryParser.parse(text));
    }

    public CompiledQuery compile(ParsedQuery parsed) {
        Query q = parsed.query();
        Compilation c = new Compilation(parsed);
        Filter filter = q.filter() == null ? Filter.all() : c.filter(q.filter(), true, false);
        c.checkExclusive();
        SearchRequest request = new SearchRequest(null, q.similar(), filter, q.k() == null ? defaultK : q.k(), 0,
                q.sort() == null ? SortOrder.RELEVANCE : q.sort(), false);
        return new CompiledQuery(parsed, request, c.required, c.excluded);
    }

    /** The state of one compilation: labels found so far and where they were written. */
    private final class Compilation {
        final ParsedQuery parsed;
        final List<QueryLabel> required = new ArrayList<>();
        final List<Span> requiredAt = new ArrayList<>();
        final Set<String> excluded = new LinkedHashSet<>();

        Compilation(ParsedQuery parsed) {
            this.parsed = parsed;
        }

        /**
         * @param required whether every hit must match this node (reached through AND only)
         * @param negated whether the node is under an odd number of NOTs
         */
        Filter filter(Expr e, boolean required, boolean negated) {
            return switch (e) {
                case Expr.Text t -> Filter.and(text(t, required, negated));
                case Expr.Label l -> labelFilter(label(l), parsed.span(l), required, negated);
                case Expr.CoarseTypeIs c -> Filter.type(c.type());
                case Expr.Patient p -> Filter.patient(p.id());
                case Expr.Study s -> Filter.study(s.id());
                case Expr.SexIs s -> new Filter.SexIs(s.sex());
                case Expr.Range r -> Filter.range(r.field().indexField(),
                        r.min() == null ? null : r.min().inclusive() ? r.min().value() : Math.nextUp(r.min().value()),
                        r.max() == null ? null : r.max().inclusive() ? r.max().value() : Math.nextDown(r.max().value()));
                case Expr.And a -> Filter.and(a.clauses().stream().map(x -> filter(x, required, negated)).toList());
                case Expr.Or o -> new Filter.Or(o.clauses().stream().map(x -> filter(x, false, negated)).toList());
                case Expr.Not n -> Filter.not(filter(n.clause(), false, !negated));
            };
        }

        /** Reads a run of words as labels, longest ontology term first, skipping filler words. */
        List<Filter> text(Expr.Text t, boolean required, boolean negated) {
            List<String> words = t.words();
            List<Filter> filters = new ArrayList<>();
            int i = 0;
            while (i < words.size()) {
                int matchedEnd = -1;
                OntologyTerm term = null;
                for (int end = Math.min(words.size(), i + LONGEST_TERM_WORDS); end > i && term == null; end--) {
                    term = ontology.resolve(String.join(" ", words.subList(i, end))).orElse(null);
                    matchedEnd = end;
                }
                Span at = new Span(parsed.wordSpan(t, i).start(), parsed.wordSpan(t, matchedEnd - 1).end());
                if (term != null) {
                    String written = String.join(" ", words.subList(i, matchedEnd));
                    filters.add(labelFilter(queryLabel(term, written, at), at, required, negated));
                    i = matchedEnd;
                } else if (FILLER_WORDS.contains(words.get(i).toLowerCase(Locale.ROOT))) {
                    i++;
                } else {
                    String word = words.get(i);
                    throw new QueryException("unknown word '" + word + "': not a label of the lesion ontology"
                            + " (a body part, type or attribute)", parsed.wordSpan(t, i), ontology.suggest(word, 5));
                }
            }
            return filters;
        }

        QueryLabel label(Expr.Label l) {
            Span at = parsed.span(l);
            OntologyTerm term = ontology.resolve(l.label()).orElseThrow(() -> new QueryException(
                    l.scope().fieldName() + ": unknown label '" + l.label() + "'", at, ontology.suggest(l.label(), 5)));
            if (l.scope() != LabelScope.ANY && l.scope().labelClass().orElseThrow() != term.labelClass()) {
                throw new QueryException(l.scope().fieldName() + ": '" + l.label() + "' is " + article(term) + " "
                        + className(term) + ", not " + scopeName(l.scope()) + "; write "
                        + fieldFor(term) + ":" + QuerySyntax.value(l.label()) + " or label:"
                        + QuerySyntax.value(l.label()), at);
            }
            return queryLabel(term, l.label(), at);
        }

        QueryLabel queryLabel(OntologyTerm term, String written, Span at) {
            List<String> model = modelLabelsByTerm.computeIfAbsent(term.name(), name -> modelLabels(term));
            if (model.isEmpty()) {
                List<String> searchableAncestors = ontology.ancestors(term).stream()
                        .filter(a -> ontology.vocabulary().contains(a)).limit(3).toList();
                throw new QueryException("'" + written + "' means '" + term.name() + "', which no lesion carries: neither"
                        + " it nor any term below it is one of the " + ontology.vocabulary().size()
                        + " labels the model predicts; search a broader label", at, searchableAncestors);
            }
            return new QueryLabel(term.name(), written, model);
        }

        Filter labelFilter(QueryLabel label, Span at, boolean required, boolean negated) {
            if (required && !negated) {
                this.required.add(label);
                this.requiredAt.add(at);
            } else if (negated) {
                excluded.add(label.term());
            }
            List<String> labels = label.modelLabels();
            return labels.size() == 1 ? Filter.label(labels.getFirst()) : Filter.anyLabel(labels);
        }

        void checkExclusive() {
            if (required.size() < 2) {
                return;
            }
            List<String> terms = required.stream().map(QueryLabel::term).toList();
            List<ExclusiveConflict> conflicts = ontology.exclusiveConflicts(terms);
            if (!conflicts.isEmpty()) {
                ExclusiveConflict c = conflicts.getFirst();
                int second = terms.lastIndexOf(c.second());
                throw new QueryException(c + ", so no lesion can have both; use OR to find either",
                        requiredAt.get(second));
            }
        }
    }

    private List<String> modelLabels(OntologyTerm term) {
        Set<String> model = new TreeSet<>();
        if (term.isModelLabel()) {
            model.add(term.name());
        }
        for (String d : ontology.descendants(term)) {
            if (ontology.vocabulary().contains(d)) {
                model.add(d);
            }
        }
        return List.copyOf(model);
    }

    private static String className(OntologyTerm term) {
        return switch (term.labelClass()) {
            case BODY_PART -> "body part";
            case TYPE -> "lesion type";
            case ATTRIBUTE -> "attribute";
        };
    }

    private static String article(OntologyTerm term) {
        return term.labelClass() == org.lesionsearch.core.ontology.LabelClass.ATTRIBUTE ? "an" : "a";
    }

    private static String scopeName(LabelScope scope) {
        return switch (scope) {
            case BODY_PART -> "a body part";
            case TYPE -> "a lesion type";
            case ATTRIBUTE -> "an attribute";
            case ANY -> "a label";
        };
    }

    private static String fieldFor(OntologyTerm term) {
        return switch (term.labelClass()) {
            case BODY_PART -> LabelScope.BODY_PART.fieldName();
            case TYPE -> LabelScope.TYPE.fieldName();
            case ATTRIBUTE -> LabelScope.ATTRIBUTE.fieldName();
        };
    }
}
