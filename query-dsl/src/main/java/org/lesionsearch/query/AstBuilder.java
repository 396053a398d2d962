package org.lesionsearch.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.lesionsearch.core.index.SortOrder;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.query.ast.Expr;
import org.lesionsearch.query.ast.LabelScope;
import org.lesionsearch.query.ast.Query;
import org.lesionsearch.query.ast.RangeField;
import org.lesionsearch.query.grammar.LesionQueryLexer;
import org.lesionsearch.query.grammar.LesionQueryParser;

/** Turns a parse tree into the query tree, reading each field's value by that field's rules. */
final class AstBuilder {

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([a-zA-Z]*)");

    private final String source;
    private final QueryParser.Positions positions;
    private final IdentityHashMap<Object, Span> spans = new IdentityHashMap<>();
    private final IdentityHashMap<Expr.Text, List<Span>> wordSpans = new IdentityHashMap<>();

    AstBuilder(String source, QueryParser.Positions positions) {
        this.source = source;
        this.positions = positions;
    }

    ParsedQuery build(LesionQueryParser.QueryContext ctx) {
        Query query = ctx.expr() == null ? new Query(null, null, null, null) : top(ctx.expr());
        return new ParsedQuery(source, query, spans, wordSpans);
    }

    /** The top level: options ({@code similar:}, {@code k:}, {@code sort:}) may only stand in its conjunction. */
    private Query top(LesionQueryParser.ExprContext expr) {
        if (expr.andExpr().size() > 1) {
            return new Query(expr(expr), null, null, null);
        }
        Options options = new Options();
        List<Expr> clauses = new ArrayList<>();
        for (LesionQueryParser.TermContext t : expr.andExpr(0).term()) {
            LesionQueryParser.FieldContext option = optionField(t);
            if (option != null) {
                options.add(option);
            } else {
                clauses.add(term(t));
            }
        }
        Expr filter = clauses.isEmpty() ? null : clauses.size() == 1 ? clauses.getFirst() : at(new Expr.And(clauses), expr);
        return new Query(filter, options.similar, options.k, options.sort);
    }

    private Expr expr(LesionQueryParser.ExprContext ctx) {
        List<Expr> alternatives = ctx.andExpr().stream().map(this::and).toList();
        return alternatives.size() == 1 ? alternatives.getFirst() : at(new Expr.Or(alternatives), ctx);
    }

    private Expr and(LesionQueryParser.AndExprContext ctx) {
        List<Expr> clauses = ctx.term().stream().map(this::term).toList();
        return clauses.size() == 1 ? clauses.getFirst() : at(new Expr.And(clauses), ctx);
    }

    private Expr term(LesionQueryParser.TermContext ctx) {
        return switch (ctx) {
            case LesionQueryParser.TextContext t -> text(t);
            case LesionQueryParser.NegationContext n -> at(new Expr.Not(negated(n.negated())), n);
            case LesionQueryParser.PlainContext p -> atom(p.atom());
            default -> throw new IllegalStateException("unknown term " + ctx.getClass());
        };
    }

    private Expr negated(LesionQueryParser.NegatedContext ctx) {
        return switch (ctx) {
            case LesionQueryParser.DoubleNegationContext n -> at(new Expr.Not(negated(n.negated())), n);
            case LesionQueryParser.NegatedWordContext w -> text(w);
            case LesionQueryParser.NegatedAtomContext a -> atom(a.atom());
            default -> throw new IllegalStateException("unknown negated term " + ctx.getClass());
        };
    }

    private Expr atom(LesionQueryParser.AtomContext ctx) {
        return switch (ctx) {
            case LesionQueryParser.GroupContext g -> expr(g.expr());
            case LesionQueryParser.FieldContext f -> field(f);
            default -> throw new IllegalStateException("unknown atom " + ctx.getClass());
        };
    }

    private static LesionQueryParser.FieldContext optionField(LesionQueryParser.TermContext t) {
        if (t instanceof LesionQueryParser.PlainContext p && p.atom() instanceof LesionQueryParser.FieldContext f
                && QuerySyntax.OPTION_FIELDS.contains(fieldName(f))) {
            return f;
        }
        return null;
    }

    private static String fieldName(LesionQueryParser.FieldContext f) {
        String t = f.FIELD().getText();
        return t.substring(0, t.length() - 1).toLowerCase(Locale.ROOT);
    }

    /** Free words: a run of words and quoted phrases, or the single one a negation takes. */
    private Expr text(ParserRuleContext ctx) {
        List<String> words = new ArrayList<>();
        List<Span> where = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i++) {
            Token token = ((TerminalNode) ctx.getChild(i)).getSymbol();
            Span span = positions.of(token);
            if (token.getType() == LesionQueryLexer.WORD) {
                words.add(token.getText());
                where.add(span);
            } else if (!splitQuoted(token.getText(), span.start(), words, where)) {
                throw new QueryException("the quotes are empty", span);
            }
        }
        Expr.Text text = at(new Expr.Text(words), ctx);
        wordSpans.put(text, List.copyOf(where));
        return text;
    }

    /** Splits a quoted token into words at whitespace, keeping each word's position in the query. */
    private static boolean splitQuoted(String raw, int offset, List<String> words, List<Span> where) {
        StringBuilder word = new StringBuilder();
        int wordStart = -1;
        boolean any = false;
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            int rawAt = i;
            if (c == '\\' && i + 1 < raw.length() - 1) {
                c = raw.charAt(++i);
            }
            if (Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    where.add(new Span(offset + wordStart, offset + rawAt));
                    word.setLength(0);
                    any = true;
                }
                continue;
            }
            if (word.isEmpty()) {
                wordStart = rawAt;
            }
            word.append(c);
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
            where.add(new Span(offset + wordStart, offset + raw.length() - 1));
            any = true;
        }
        return any;
    }

    private Expr field(LesionQueryParser.FieldContext f) {
        String name = fieldName(f);
        Span nameSpan = positions.of(f.FIELD().getSymbol());
        if (QuerySyntax.OPTION_FIELDS.contains(name)) {
            throw new QueryException("'" + name + ":' applies to the whole query, so it cannot stand inside"
                    + " parentheses, OR or NOT; write it at the top level, e.g. (liver OR lung) " + name + ":...",
                    nameSpan);
        }
        if (!QuerySyntax.FILTER_FIELDS.contains(name)) {
            throw new QueryException("unknown field '" + name + ":'; fields are "
                    + String.join(", ", QuerySyntax.allFields().stream().map(n -> n + ":").toList()), nameSpan,
                    EditDistance.closest(name, QuerySyntax.allFields(), 3).stream().map(n -> n + ":").toList());
        }
        Value v = value(f, name, nameSpan);
        try {
            Expr e = switch (name) {
                case "label" -> new Expr.Label(LabelScope.ANY, v.text);
                case "part" -> new Expr.Label(LabelScope.BODY_PART, v.text);
                case "type" -> new Expr.Label(LabelScope.TYPE, v.text);
                case "attr" -> new Expr.Label(LabelScope.ATTRIBUTE, v.text);
                case "coarse" -> new Expr.CoarseTypeIs(CoarseType.parse(v.text));
                case "patient" -> new Expr.Patient(v.text);
                case "study" -> new Expr.Study(v.text);
                case "sex" -> new Expr.SexIs(sex(v));
                case "size" -> range(RangeField.SIZE, v);
                case "age" -> range(RangeField.AGE, v);
                case "x" -> range(RangeField.X, v);
                case "y" -> range(RangeField.Y, v);
                case "z" -> range(RangeField.Z, v);
                default -> throw new IllegalStateException("field " + name + " has no reader");
            };
            return at(e, f);
        } catch (QueryException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new QueryException(name + ": " + e.getMessage(), v.span);
        }
    }

    private Value value(LesionQueryParser.FieldContext f, String name, Span nameSpan) {
        TerminalNode plain = f.VALUE(), quoted = f.VALUE_STRING();
        if (plain == null && quoted == null) {
            throw new QueryException("'" + name + ":' needs a value right after the colon, e.g. " + example(name),
                    nameSpan);
        }
        Token t = (plain != null ? plain : quoted).getSymbol();
        String text = plain != null ? t.getText() : QuerySyntax.unquote(t.getText());
        if (text.isBlank()) {
            throw new QueryException("'" + name + ":' has an empty value", positions.of(t));
        }
        return new Value(text, positions.of(t));
    }

    private static String example(String field) {
        return switch (field) {
            case "label" -> "label:\"left lower lobe\"";
            case "part" -> "part:liver";
            case "type" -> "type:nodule";
            case "attr" -> "attr:hypodense";
            case "coarse" -> "coarse:lung";
            case "patient" -> "patient:000004";
            case "study" -> "study:02";
            case "sex" -> "sex:F";
            case "size" -> "size:10..30mm";
            case "age" -> "age:40..70";
            case "similar" -> "similar:000004_02_01_013_1";
            case "k" -> "k:20";
            case "sort" -> "sort:size_desc";
            default -> field + ":0.2..0.6";
        };
    }

    private static Sex sex(Value v) {
        try {
            return Sex.parse(v.text);
        } catch (IllegalArgumentException e) {
            throw new QueryException("sex: '" + v.text + "' is not a sex; write sex:F, sex:M or sex:unknown", v.span);
        }
    }

    private Expr.Range range(RangeField field, Value v) {
        String t = v.text.strip();
        if (t.startsWith(">=")) {
            return new Expr.Range(field, new Expr.Bound(number(field, t.substring(2), v, null), true), null);
        }
        if (t.startsWith(">")) {
            return new Expr.Range(field, new Expr.Bound(number(field, t.substring(1), v, null), false), null);
        }
        if (t.startsWith("<=")) {
            return new Expr.Range(field, null, new Expr.Bound(number(field, t.substring(2), v, null), true));
        }
        if (t.startsWith("<")) {
            return new Expr.Range(field, null, new Expr.Bound(number(field, t.substring(1), v, null), false));
        }
        int dots = t.indexOf("..");
        if (dots < 0) {
            double exact = number(field, t, v, null);
            return Expr.Range.between(field, exact, exact);
        }
        String lo = t.substring(0, dots), hi = t.substring(dots + 2);
        if (lo.isEmpty() && hi.isEmpty()) {
            throw rangeError(field, v);
        }
        // A unit written once, after the upper bound, applies to both ends: size:10..30mm.
        String sharedUnit = unitOf(hi);
        Double min = lo.isEmpty() ? null : number(field, lo, v, sharedUnit);
        Double max = hi.isEmpty() ? null : number(field, hi, v, null);
        return new Expr.Range(field, min == null ? null : Expr.Bound.inclusive(min),
                max == null ? null : Expr.Bound.inclusive(max));
    }

    private static String unitOf(String numberText) {
        Matcher m = NUMBER_WITH_UNIT.matcher(numberText);
        return m.matches() ? m.group(2) : "";
    }

    private double number(RangeField field, String text, Value v, String defaultUnit) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        if (!m.matches()) {
            throw rangeError(field, v);
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.isEmpty() && defaultUnit != null) {
            unit = defaultUnit.toLowerCase(Locale.ROOT);
        }
        BigDecimal value = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        BigDecimal scale = switch (field) {
            case SIZE -> switch (unit) {
                case "", "mm" -> BigDecimal.ONE;
                case "cm" -> BigDecimal.TEN;
                default -> throw new QueryException("size: unknown unit '" + m.group(2) + "'; use mm or cm", v.span);
            };
            case AGE -> switch (unit) {
                case "", "y", "yr", "yrs", "years" -> BigDecimal.ONE;
                default -> throw new QueryException("age: unknown unit '" + m.group(2) + "'; ages are in years", v.span);
            };
            case X, Y, Z -> {
                if (!unit.isEmpty()) {
                    throw new QueryException(field.fieldName() + ": takes a fraction of the body between 0 and 1,"
                            + " without a unit", v.span);
                }
                yield BigDecimal.ONE;
            }
        };
        return value.multiply(scale).doubleValue();
    }

    private static QueryException rangeError(RangeField field, Value v) {
        String examples = switch (field) {
            case SIZE -> "size:10..30mm, size:>2cm or size:<=15mm";
            case AGE -> "age:40..70 or age:>=65";
            default -> field.fieldName() + ":0.2..0.6 or " + field.fieldName() + ":<0.5";
        };
        return new QueryException(field.fieldName() + ": '" + v.text + "' is not a number or range; write " + examples,
                v.span);
    }

    private <T> T at(T node, ParserRuleContext ctx) {
        spans.put(node, positions.between(ctx.getStart(), ctx.getStop() == null ? ctx.getStart() : ctx.getStop()));
        return node;
    }

    private record Value(String text, Span span) {
    }

    /** The whole-query options, each allowed once. */
    private final class Options {
        LesionId similar;
        Integer k;
        SortOrder sort;

        void add(LesionQueryParser.FieldContext f) {
            String name = fieldName(f);
            Span nameSpan = positions.of(f.FIELD().getSymbol());
            Value v = value(f, name, nameSpan);
            switch (name) {
                case "similar" -> {
                    once(similar, name, nameSpan);
                    try {
                        similar = LesionId.of(v.text);
                    } catch (IllegalArgumentException e) {
                        throw new QueryException("similar: " + e.getMessage(), v.span);
                    }
                }
                case "k" -> {
                    once(k, name, nameSpan);
                    k = wholeNumber(v);
                }
                case "sort" -> {
                    once(sort, name, nameSpan);
                    sort = QuerySyntax.sortOrder(v.text).orElseThrow(() -> new QueryException(
                            "sort: unknown order '" + v.text + "'; orders are " + String.join(", ", QuerySyntax.sortNames())
                                    + " (or largest, smallest, newest, oldest)",
                            v.span, EditDistance.closest(v.text, QuerySyntax.sortNames(), 3)));
                }
                default -> throw new IllegalStateException("option " + name + " has no reader");
            }
        }

        private static void once(Object current, String name, Span at) {
            if (current != null) {
                throw new QueryException("'" + name + ":' is given more than once", at);
            }
        }

        private static int wholeNumber(Value v) {
            if (v.text.matches("\\d{1,9}")) {
                int k = Integer.parseInt(v.text);
                if (k >= 1 && k <= Query.MAX_K) {
                    return k;
                }
            }
            throw new QueryException("k: '" + v.text + "' is not a whole number between 1 and " + Query.MAX_K, v.span);
        }
    }
}
