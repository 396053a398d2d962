package org.lesionsearch.server.api.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LabelClass;
import org.lesionsearch.core.ontology.LesionOntology;

class LabelSuggesterTest {

    private static final LabelSuggester SUGGESTER = new LabelSuggester(LesionOntology.lesaNet());

    private static List<String> texts(List<LabelSuggester.Suggestion> suggestions) {
        return suggestions.stream().map(LabelSuggester.Suggestion::text).toList();
    }

    @Test
    void hypoOffersHypodenseAsASynonymOfHypoattenuation() {
        List<LabelSuggester.Suggestion> s = SUGGESTER.suggest("hypo", null, 10);
        assertThat(texts(s)).contains("hypodense", "hypoattenuation");
        assertThat(s).filteredOn(x -> x.text().equals("hypodense")).singleElement()
                .satisfies(x -> {
                    assertThat(x.term()).isEqualTo("hypoattenuation");
                    assertThat(x.labelClass()).isEqualTo("attribute");
                    assertThat(x.modelLabel()).isTrue();
                });
    }

    @Test
    void letterCaseHyphensAndLaterWordsDoNotMatter() {
        assertThat(texts(SUGGESTER.suggest("HYPO", null, 10))).contains("hypodense");
        assertThat(texts(SUGGESTER.suggest("left-lower", null, 10))).contains("left lower lobe");
        // a later word of a term: "lobe" finds "right lower lobe", after the terms that start with it
        List<String> lobe = texts(SUGGESTER.suggest("lower lo", null, 20));
        assertThat(lobe).isNotEmpty().allSatisfy(t -> assertThat(LabelSuggester.key(t)).contains("lower lo"));
    }

    @Test
    void aClassKeepsToItsTerms() {
        List<LabelSuggester.Suggestion> parts = SUGGESTER.suggest("l", LabelClass.BODY_PART, 50);
        assertThat(parts).isNotEmpty().allSatisfy(s -> assertThat(s.labelClass()).isEqualTo("bodypart"));
        assertThat(texts(parts)).contains("liver", "lung");
        assertThat(SUGGESTER.suggest("hypo", LabelClass.BODY_PART, 10)).noneMatch(s -> s.term().equals("hypoattenuation"));
    }

    @Test
    void modelLabelsAndFrequentTermsComeFirst() {
        List<LabelSuggester.Suggestion> s = SUGGESTER.suggest("li", null, 5);
        assertThat(s.getFirst().text()).isEqualTo("liver");
        assertThat(s).extracting(LabelSuggester.Suggestion::modelLabel).startsWith(true);
    }

    @Test
    void nothingForBlankOrUnknownPrefixes() {
        assertThat(SUGGESTER.suggest("  ", null, 10)).isEmpty();
        assertThat(SUGGESTER.suggest("qqqzzz", null, 10)).isEmpty();
        assertThat(SUGGESTER.suggest("liver", null, 0)).isEmpty();
    }

    @Property(tries = 300)
    void everySuggestionHasAWordStartingWithThePrefixAndTheLimitHolds(
            @ForAll @StringLength(min = 1, max = 12) String prefix, @ForAll @IntRange(min = 1, max = 30) int max) {
        List<LabelSuggester.Suggestion> s = SUGGESTER.suggest(prefix, null, max);
        String key = LabelSuggester.key(prefix);
        assertThat(s).hasSizeLessThanOrEqualTo(max);
        assertThat(texts(s)).doesNotHaveDuplicates();
        for (LabelSuggester.Suggestion x : s) {
            String text = LabelSuggester.key(x.text());
            assertThat(text.startsWith(key) || text.contains(" " + key)).as(x.text()).isTrue();
        }
    }

    @Property(tries = 200)
    void everyTermNameIsFoundFromItsFirstLetters(@ForAll("termNames") String name) {
        String prefix = name.substring(0, Math.min(name.length(), 4));
        assertThat(SUGGESTER.suggest(name, null, 50)).anySatisfy(s -> assertThat(s.term()).isEqualTo(name));
        assertThat(SUGGESTER.suggest(prefix, null, 400)).anySatisfy(s -> assertThat(s.term()).isEqualTo(name));
    }

    @Provide
    Arbitrary<String> termNames() {
        return Arbitraries.of(LesionOntology.lesaNet().terms().stream().map(t -> t.name()).toList());
    }
}
