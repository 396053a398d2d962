package org.lesionsearch.query;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.lesionsearch.query.grammar.LesionQueryLexer;
import org.lesionsearch.query.grammar.LesionQueryParser;

/**
 * Reads query text into a {@link ParsedQuery}. Every problem, from a stray character to a
 * misplaced option, is a {@link QueryException} that says what is wrong and where; the parser
 * never throws anything else. Thread-safe and stateless.
 */
public final class QueryParser {

    public static final int MAX_LENGTH = 2000;
    /** Deepest parenthesis nesting accepted; deeper queries are not written by people. */
    public static final int MAX_DEPTH = 16;
    /** Longest run of consecutive negations accepted. */
    public static final int MAX_NEGATIONS = 8;

    private QueryParser() {
    }

    public static ParsedQuery parse(String text) {
        if (text == null) {
            throw new QueryException("the query is missing", Span.UNKNOWN);
        }
        if (text.length() > MAX_LENGTH) {
            throw new QueryException("the query is " + text.length() + " characters long; the most is " + MAX_LENGTH,
                    new Span(MAX_LENGTH, text.length()));
        }
        Positions positions = new Positions(text);
        LesionQueryLexer lexer = new LesionQueryLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new LexerErrors(text, positions));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkNesting(tokens.getTokens(), positions);

        LesionQueryParser parser = new LesionQueryParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new ParserErrors(tokens, positions));
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        return new AstBuilder(text, positions).build(parser.query());
    }

    /** Balanced parentheses and bounded nesting, checked on tokens so that messages can be precise. */
    private static void checkNesting(List<Token> tokens, Positions positions) {
        Deque<Token> open = new ArrayDeque<>();
        int negations = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case LesionQueryLexer.LPAREN -> {
                    open.push(t);
                    if (open.size() > MAX_DEPTH) {
                        throw new QueryException("parentheses nest more than " + MAX_DEPTH + " deep", positions.of(t));
                    }
                }
                case LesionQueryLexer.RPAREN -> {
                    if (open.isEmpty()) {
                        throw new QueryException("')' has no matching '('", positions.of(t));
                    }
                    open.pop();
                }
                default -> {
                }
            }
            boolean negation = t.getType() == LesionQueryLexer.NOT || t.getType() == LesionQueryLexer.MINUS;
            negations = negation ? negations + 1 : 0;
            if (negations > MAX_NEGATIONS) {
                throw new QueryException("more than " + MAX_NEGATIONS + " negations in a row", positions.of(t));
            }
        }
        if (!open.isEmpty()) {
            throw new QueryException("'(' is never closed", positions.of(open.getLast()));
        }
    }

    /** Converts ANTLR's code point indices to char positions in the query string. */
    static final class Positions {
        private final String text;
        private final boolean bmpOnly;

        Positions(String text) {
            this.text = text;
            this.bmpOnly = text.codePointCount(0, text.length()) == text.length();
        }

        int charIndex(int codePointIndex) {
            if (bmpOnly) {
                return codePointIndex;
            }
            int cps = text.codePointCount(0, text.length());
            return text.offsetByCodePoints(0, Math.min(Math.max(codePointIndex, 0), cps));
        }

        Span of(Token t) {
            if (t.getType() == Token.EOF) {
                return new Span(text.length(), text.length());
            }
            return new Span(charIndex(t.getStartIndex()), charIndex(t.getStopIndex() + 1));
        }

        Span between(Token start, Token stop) {
            return new Span(of(start).start(), of(stop).end());
        }
    }

    private static final class LexerErrors extends BaseErrorListener {
        private final String text;
        private final Positions positions;

        LexerErrors(String text, Positions positions) {
            this.text = text;
            this.positions = positions;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                RecognitionException e) {
            int at = positions.charIndex(((Lexer) recognizer)._tokenStartCharIndex);
            if (at < text.length() && text.charAt(at) == '"') {
                throw new QueryException("the quote is never closed", new Span(at, text.length()));
            }
            int cp = at < text.length() ? text.codePointAt(at) : ' ';
            String shown = Character.isISOControl(cp) ? String.format("U+%04X", cp) : "'" + Character.toString(cp) + "'";
            throw new QueryException("unexpected character " + shown + "; words are letters and digits,"
                    + " fields are written name:value, and phrases go in double quotes",
                    new Span(at, at + Character.charCount(cp)));
        }
    }

    private static final class ParserErrors extends BaseErrorListener {
        private final CommonTokenStream tokens;
        private final Positions positions;

        ParserErrors(CommonTokenStream tokens, Positions positions) {
            this.tokens = tokens;
            this.positions = positions;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                RecognitionException e) {
            Token t = (Token) offending;
            Token previous = t.getTokenIndex() > 0 ? tokens.get(t.getTokenIndex() - 1) : null;
            String after = previous == null ? "" : " after '" + previous.getText() + "'";
            Span at = positions.of(t);
            throw switch (t.getType()) {
                case Token.EOF -> new QueryException("the query ends where a term was expected" + after, at);
                case LesionQueryLexer.AND, LesionQueryLexer.OR ->
                        new QueryException("'" + t.getText() + "' needs a term on both sides", at);
                case LesionQueryLexer.RPAREN -> previous != null && previous.getType() == LesionQueryLexer.LPAREN
                        ? new QueryException("the parentheses are empty", positions.between(previous, t))
                        : new QueryException("a term is missing before ')'" + after, at);
                default -> new QueryException("unexpected '" + t.getText() + "'" + after, at);
            };
        }
    }
}
