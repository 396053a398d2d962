package org.lesionsearch.core.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LesionOntologyPropertyTest {

    private static final LesionOntology ONTOLOGY = LesionOntology.lesaNet();

    /** A term with one way of writing its name: random letter case, separators and a plural last word. */
    record Spelling(OntologyTerm term, String written) {
    }

    @Provide
    Arbitrary<Spelling> spellings() {
        Arbitrary<OntologyTerm> terms = Arbitraries.of(ONTOLOGY.terms());
        Arbitrary<List<Boolean>> upper = Arbitraries.of(true, false).list().ofSize(64);
        Arbitrary<List<String>> separators = Arbitraries.of(" ", "  ", "-", " - ", "_", "\t").list().ofSize(8);
        Arbitrary<Boolean> plural = Arbitraries.of(true, false);
        Arbitrary<String> padding = Arbitraries.of("", " ", "  ");
        return Combinators.combine(terms, upper, separators, plural, padding).as((term, up, sep, pl, pad) -> {
            String[] words = term.name().split(" ");
            StringBuilder written = new StringBuilder(pad);
            for (int w = 0; w < words.length; w++) {
                if (w > 0) {
                    written.append(sep.get(w % sep.size()));
                }
                String word = words[w];
                if (pl && w == words.length - 1 && pluralisable(word)) {
                    word = word + "s";
                }
                for (int c = 0; c < word.length(); c++) {
                    char ch = word.charAt(c);
                    written.append(up.get(c % up.size()) ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
                }
            }
            return new Spelling(term, written.append(pad).toString());
        });
    }

    /** Words whose regular plural is the word plus "s" (not already plural-looking or Latin). */
    private static boolean pluralisable(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() > 2 && w.matches(".*[a-z]") && !w.endsWith("s") && !w.endsWith("y")
                && !w.endsWith("x") && !w.endsWith("ch") && !w.endsWith("sh") && !w.endsWith("ie")
                && !w.endsWith("e") && !w.endsWith("a");
    }

    @Property(tries = 2000)
    void everySpellingOfATermNameResolvesToThatTerm(@ForAll("spellings") Spelling spelling) {
        assertThat(ONTOLOGY.resolve(spelling.written())).as(spelling.written()).contains(spelling.term());
    }

    @Property(tries = 500)
    void everySynonymResolvesToATermThatListsIt(@ForAll("synonyms") String synonym) {
        OntologyTerm term = ONTOLOGY.resolve(synonym.toUpperCase(Locale.ROOT)).orElseThrow();
        assertThat(term.synonyms().stream().map(TermKeys::key)).contains(TermKeys.key(synonym));
    }

    @Provide
    Arbitrary<String> synonyms() {
        return Arbitraries.of(ONTOLOGY.terms().stream().flatMap(t -> t.synonyms().stream()).toList());
    }

    @Property(tries = 300)
    void ancestorsAndDescendantsMirrorEachOther(@ForAll("names") String name) {
        for (String ancestor : ONTOLOGY.ancestors(name)) {
            assertThat(ONTOLOGY.descendants(ancestor)).as(ancestor + " above " + name).contains(name);
        }
        assertThat(ONTOLOGY.expandParents(List.of(name))).containsAll(ONTOLOGY.ancestors(name)).contains(name);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(ONTOLOGY.terms().stream().map(OntologyTerm::name).toList());
    }

    @Property(tries = 300)
    void resolvingNeverThrows(@ForAll String anything) {
        ONTOLOGY.resolve(anything);
        ONTOLOGY.suggest(anything, 3);
    }
}
