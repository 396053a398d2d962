package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> split(String text) {
        return splitter.split(text).stream().map(Sentence::text).toList();
    }

    @Test
    void splitsAtFinalPunctuationButNotInNumbersOrAbbreviations() {
        assertThat(split("Nodule measures 1.5 cm, e.g. in the RLL. No effusion! Is it new? Stable vs. prior."))
                .containsExactly("Nodule measures 1.5 cm, e.g. in the RLL.", "No effusion!", "Is it new?",
                        "Stable vs. prior.");
    }

    @Test
    void restoresAMissingPeriodBeforeACapitalisedWord() {
        assertThat(split("great vessels: unremarkable Decreased lymphadenopathy"))
                .containsExactly("great vessels: unremarkable", "Decreased lymphadenopathy");
        assertThat(split("axilla BOOKMARK (series 2, image 8) Decreased nodule"))
                .containsExactly("axilla BOOKMARK (series 2, image 8)", "Decreased nodule");
    }

    @Test
    void startsASentenceAtASectionHeading() {
        assertThat(split("Unchanged mediastinal adenopathy Upper abdomen: Unchanged splenomegaly"))
                .containsExactly("Unchanged mediastinal adenopathy", "Upper abdomen: Unchanged splenomegaly");
        assertThat(split("(series 2, image 58) Bones, soft tissues: no evidence of lesions"))
                .containsExactly("(series 2, image 58)", "Bones, soft tissues: no evidence of lesions");
    }

    @Test
    void keepsAHeadingWithItsFindingsAndNamesAfterPrepositions() {
        assertThat(split("Lungs, pleurae: Unchanged opacity in the Couinaud segment 7"))
                .containsExactly("Lungs, pleurae: Unchanged opacity in the Couinaud segment 7");
        assertThat(split("Cardiac, Vascular: coronary, aorta: unremarkable"))
                .containsExactly("Cardiac, Vascular: coronary, aorta: unremarkable");
    }

    @Test
    void splitsAtBlankLinesAndKeepsOffsets() {
        String text = "FINDINGS:\n\nLiver: small cyst.";
        List<Sentence> sentences = splitter.split(text);
        assertThat(sentences).extracting(Sentence::text).containsExactly("FINDINGS:", "Liver: small cyst.");
        Sentence second = sentences.get(1);
        assertThat(text.substring(second.start(), second.end())).isEqualTo(second.text());
        assertThat(splitter.split("   ")).isEmpty();
    }
}
