package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportAnalyzerTest {

    private final ReportAnalyzer analyzer = new ReportAnalyzer();

    private TokenizedSentence analyze(String text) {
        return TokenizedSentence.analyze(analyzer, new ReportTextNormalizer().normalize(text));
    }

    @Test
    void foldsPluralsAndKeepsSingularsInIs() {
        assertThat(analyze("Nodules, lymph nodes, opacities, metastases, pelvis, metastasis, diverticula, abscess").terms())
                .containsExactly("nodule", "lymph", "node", "opacity", "metastasis", "pelvis", "metastasis",
                        "diverticulum", "abscess");
    }

    @Test
    void analysesSingularAndPluralAlike() {
        for (String[] pair : new String[][] {{"pancreas", "pancreas"}, {"series", "series"}, {"cysts", "cyst"},
                {"pleurae", "pleura"}, {"lymphadenopathies", "lymphadenopathy"}, {"hila", "hilum"}}) {
            assertThat(analyze(pair[0]).terms()).as(pair[0]).isEqualTo(analyze(pair[1]).terms());
        }
    }

    @Test
    void dropsArticlesAndSplitsHyphensAndSlashes() {
        assertThat(analyze("the head of the pancreas, a ground-glass opacity and/or cyst").terms())
                .containsExactly("head", "of", analyze("pancreas").terms().getFirst(), "ground", "glass", "opacity", "and",
                        "or", "cyst");
    }

    @Test
    void marksClauseBoundariesAtPunctuation() {
        TokenizedSentence sentence = analyze("liver, mass (series 4) lung");
        assertThat(sentence.terms()).hasSize(5).startsWith("liver", "mass").endsWith("4", "lung");
        assertThat(sentence.tokens()).extracting(Token::clauseBoundary).containsExactly(false, true, true, false, true);
        assertThat(sentence.withinClause(0, 2)).isFalse();
        assertThat(sentence.withinClause(2, 4)).isTrue();
        assertThat(sentence.surface(0, 2)).isEqualTo("liver, mass");
    }
}
