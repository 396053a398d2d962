package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LesionOntology;

class LexiconTest {

    private static final LesionOntology ONTOLOGY = LesionOntology.lesaNet();
    private final ReportAnalyzer analyzer = new ReportAnalyzer();
    private final ReportTextNormalizer normalizer = new ReportTextNormalizer();
    private final Lexicon lexicon = new Lexicon(ONTOLOGY, analyzer, normalizer);

    private List<Mention> find(String text) {
        return lexicon.find(TokenizedSentence.analyze(analyzer, normalizer.normalize(text)));
    }

    private List<String> primary(String text) {
        return find(text).stream().filter(m -> !m.nested()).map(Mention::label).toList();
    }

    @Test
    void matchesWholeWordsLongestFirstWithPluralsAndSynonyms() {
        assertThat(primary("Hypodense lesions in the right lower lobe")).containsExactly("hypoattenuation", "right lower lobe");
        assertThat(primary("retroperitoneal lymph nodes")).containsExactly("retroperitoneum lymph node");
        assertThat(primary("pleurae and metastases")).containsExactly("pleura", "metastasis");
        // "liver" inside "deliver" is no mention
        assertThat(primary("deliver the report")).isEmpty();
    }

    @Test
    void marksMentionsInsideLongerOnesAsNested() {
        List<Mention> mentions = find("mediastinal adenopathy");
        assertThat(mentions).filteredOn(m -> !m.nested()).extracting(Mention::label).containsExactly("mediastinum lymph node");
        assertThat(mentions).filteredOn(Mention::nested).extracting(Mention::label)
                .contains("mediastinum", "lymphadenopathy");
    }

    @Test
    void keepsOverlappingMentionsWhereNeitherCoversTheOther() {
        assertThat(primary("right pulmonary artery")).contains("right lung", "pulmonary artery");
    }

    @Test
    void doesNotMatchAcrossPunctuation() {
        assertThat(primary("right lower, lobe")).doesNotContain("right lower lobe");
    }

    @Test
    void normalisesPrefixesAndAdverbs() {
        assertThat(primary("para-aortic and para aortic nodes")).contains("paraaortic");
        assertThat(primary("heterogeneously enhancing")).containsExactly("heterogeneous", "enhancing");
        assertThat(primary("non enhancing")).containsExactly("nonenhancing");
    }

    @Test
    void knowsRegularVariantsOfListedPhrases() {
        assertThat(primary("supraclavicular lymphadenopathy")).containsExactly("supraclavicular lymph node");
        assertThat(primary("lesion in the head of the pancreas")).containsExactly("pancreatic head");
        assertThat(primary("body of pancreas")).containsExactly("pancreatic body");
        assertThat(primary("juxtapleural nodule")).containsExactly("pleura", "nodule");
    }

    @Test
    void findsTermsWhoseHeadIsSharedByAndOr() {
        List<Mention> mentions = find("right anterior abdominal and pelvic wall nodule");
        assertThat(mentions).filteredOn(m -> !m.nested()).extracting(Mention::label)
                .contains("anterior abdominal wall", "pelvic wall", "nodule");
        assertThat(mentions).filteredOn(m -> m.label().equals("anterior abdominal wall")).singleElement()
                .extracting(Mention::words).isEqualTo("anterior abdominal (wall)");
    }

    @Test
    void baselineLexiconHasNoVariants() {
        Lexicon plain = new Lexicon(ONTOLOGY, analyzer, new ReportTextNormalizer(false), false, false);
        assertThat(plain.size()).isLessThan(lexicon.size());
        assertThat(plain.find(TokenizedSentence.analyze(analyzer, "head of pancreas"))).extracting(Mention::label)
                .containsExactly("pancreas");
    }
}
