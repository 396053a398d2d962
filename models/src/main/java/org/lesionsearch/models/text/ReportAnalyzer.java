package org.lesionsearch.models.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.lesionsearch.core.ontology.EnglishPlurals;

/**
 * The analysis chain for report text and ontology phrases: standard tokenisation, lower case,
 * ASCII folding, articles dropped ("head of the pancreas" meets "head of pancreas"), and plurals
 * folded to the singular (Lucene's minimal English stemmer, with Latin plurals overridden and
 * singular nouns in "-is" such as "pelvis" and "metastasis" left alone).
 */
public final class ReportAnalyzer extends Analyzer {

    private static final CharArraySet ARTICLES = CharArraySet.unmodifiableSet(
            new CharArraySet(java.util.List.of("the", "a", "an"), false));
    private static final Pattern SINGULAR_IN_IS = Pattern.compile("[a-z]+is");

    private final StemmerOverrideFilter.StemmerOverrideMap irregularPlurals;

    public ReportAnalyzer() {
        try {
            StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
            for (Map.Entry<String, String> plural : EnglishPlurals.IRREGULAR.entrySet()) {
                builder.add(plural.getKey(), plural.getValue());
            }
            this.irregularPlurals = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, ARTICLES);
        stream = new StemmerOverrideFilter(stream, irregularPlurals);
        stream = new PatternKeywordMarkerFilter(stream, SINGULAR_IN_IS);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
