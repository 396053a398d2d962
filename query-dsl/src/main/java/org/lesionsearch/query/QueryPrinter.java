package org.lesionsearch.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.query.ast.Expr;
import org.lesionsearch.query.ast.Query;

/**
 * Writes a query tree back as query text that parses to an equal tree: explicit {@code AND}
 * between clauses, parentheses where precedence needs them, quotes where a word or value needs
 * them, sizes in mm.
 */
public final class QueryPrinter {

    private QueryPrinter() {
    }

    public static String print(Query query) {
        List<String> parts = new ArrayList<>();
        if (query.filter() != null) {
            String f = print(query.filter());
            // Options join the top-level conjunction, so a top-level OR needs parentheses.
            parts.add(query.hasOptions() && query.filter() instanceof Expr.Or ? "(" + f + ")" : f);
        }
        if (query.similar() != null) {
            parts.add("similar:" + QuerySyntax.value(query.similar().value()));
        }
        if (query.k() != null) {
            parts.add("k:" + query.k());
        }
        if (query.sort() != null) {
            parts.add("sort:" + QuerySyntax.sortName(query.sort()));
        }
        return String.join(" ", parts);
    }

    public static String print(Expr expr) {
        return switch (expr) {
            case Expr.Text t -> text(t);
            case Expr.Label l -> l.scope().fieldName() + ":" + QuerySyntax.value(l.label());
            case Expr.CoarseTypeIs c -> "coarse:" + c.type().name().toLowerCase(Locale.ROOT);
            case Expr.Patient p -> "patient:" + QuerySyntax.value(p.id());
            case Expr.Study s -> "study:" + QuerySyntax.value(s.id());
            case Expr.SexIs s -> "sex:" + (s.sex() == Sex.UNKNOWN ? "unknown" : s.sex().name());
            case Expr.Range r -> r.field().fieldName() + ":" + range(r);
            case Expr.And a -> String.join(" AND ", a.clauses().stream()
                    .map(c -> c instanceof Expr.Or ? "(" + print(c) + ")" : print(c)).toList());
            case Expr.Or o -> String.join(" OR ", o.clauses().stream().map(QueryPrinter::print).toList());
            case Expr.Not n -> "NOT " + (needsGroupUnderNot(n.clause()) ? "(" + print(n.clause()) + ")" : print(n.clause()));
        };
    }

    private static boolean needsGroupUnderNot(Expr e) {
        return e instanceof Expr.And || e instanceof Expr.Or || (e instanceof Expr.Text t && t.words().size() > 1);
    }

    private static String text(Expr.Text t) {
        String joined = String.join(" ", t.words());
        return t.words().stream().allMatch(QuerySyntax::isPlainWord) ? joined : QuerySyntax.quote(joined);
    }

    private static String range(Expr.Range r) {
        String unit = r.field().unit();
        Expr.Bound min = r.min(), max = r.max();
        if (min != null && max != null) {
            return min.value() == max.value() ? QuerySyntax.number(min.value()) + unit
                    : QuerySyntax.number(min.value()) + ".." + QuerySyntax.number(max.value()) + unit;
        }
        if (min != null) {
            return (min.inclusive() ? ">=" : ">") + QuerySyntax.number(min.value()) + unit;
        }
        return (max.inclusive() ? "<=" : "<") + QuerySyntax.number(max.value()) + unit;
    }
}
