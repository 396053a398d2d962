package org.lesionsearch.models.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** A normalised sentence and its analysed words, knowing where punctuation splits it into clauses. */
public record TokenizedSentence(String text, List<Token> tokens) {

    private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[,;:.!?()\\[\\]\\n]");

    public TokenizedSentence {
        tokens = List.copyOf(tokens);
    }

    public static TokenizedSentence analyze(Analyzer analyzer, String normalizedText) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", normalizedText)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int previousEnd = 0;
            while (stream.incrementToken()) {
                String gap = normalizedText.substring(previousEnd, offset.startOffset());
                boolean boundary = !tokens.isEmpty() && CLAUSE_PUNCTUATION.matcher(gap).find();
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), boundary));
                previousEnd = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return new TokenizedSentence(normalizedText, tokens);
    }

    public int size() {
        return tokens.size();
    }

    public Token token(int index) {
        return tokens.get(index);
    }

    /** The analysed words only. */
    public List<String> terms() {
        return tokens.stream().map(Token::term).toList();
    }

    /** Whether tokens {@code from} (inclusive) to {@code to} (exclusive) lie in one clause. */
    public boolean withinClause(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (tokens.get(i).clauseBoundary()) {
                return false;
            }
        }
        return true;
    }

    /** The normalised text of tokens {@code from} (inclusive) to {@code to} (exclusive). */
    public String surface(int from, int to) {
        return text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }
}
