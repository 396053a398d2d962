package org.lesionsearch.core.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LesionOntologyTest {

    private final LesionOntology ontology = LesionOntology.lesaNet();

    @Test
    void loadsAllTermsWithTheirClasses() {
        assertThat(ontology.terms()).hasSize(333);
        assertThat(ontology.terms()).filteredOn(t -> t.labelClass() == LabelClass.BODY_PART).hasSize(219);
        assertThat(ontology.terms()).filteredOn(t -> t.labelClass() == LabelClass.TYPE).hasSize(72);
        assertThat(ontology.terms()).filteredOn(t -> t.labelClass() == LabelClass.ATTRIBUTE).hasSize(42);
    }

    @Test
    void linksEveryModelLabelToItsTermInModelOrder() {
        assertThat(ontology.vocabulary().size()).isEqualTo(LabelVocabulary.SIZE);
        assertThat(ontology.terms()).filteredOn(OntologyTerm::isModelLabel).hasSize(171);
        for (int i = 0; i < ontology.vocabulary().size(); i++) {
            OntologyTerm term = ontology.term(ontology.vocabulary().term(i)).orElseThrow();
            assertThat(term.labelIndex()).hasValue(i);
            assertThat(term.labelClass()).isEqualTo(ontology.vocabulary().labelClass(i));
        }
    }

    @Test
    void keepsTheVocabularySpellingOfNames() {
        OntologyTerm porta = ontology.term("porta hepatis").orElseThrow();
        assertThat(porta.name()).isEqualTo("porta Hepatis");
        assertThat(ontology.resolve("PORTA HEPATIS")).contains(porta);
    }

    @Test
    void readsSynonymsAndNormalisesRelationsBothWays() {
        OntologyTerm liver = ontology.term("liver").orElseThrow();
        assertThat(liver.synonyms()).startsWith("liver").contains("hepatic", "hepatic lobe lesion");
        assertThat(liver.parents()).containsExactlyInAnyOrder("abdomen", "upper abdomen");
        // "lung" lists no "right lower lobe" child, but "right lower lobe" names "lung" as a parent
        assertThat(ontology.term("lung").orElseThrow().children()).contains("right lower lobe", "left lung");
        // "right kidney" excludes "left kidney" and the reverse holds too
        assertThat(ontology.areExclusive("left kidney", "right kidney")).isTrue();
        assertThat(ontology.areExclusive("right kidney", "left kidney")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "hypodense, hypoattenuation",
            "Hypodense, hypoattenuation",
            "HYPODENSITIES, hypoattenuation",
            "low-attenuation, hypoattenuation",
            "low attenuation, hypoattenuation",
            "lymph nodes, lymph node",
            "Lymph-Node, lymph node",
            "right  lower   lobe, right lower lobe",
            "right-lower-lobe, right lower lobe",
            "rll, right lower lobe",
            "right middle lobe, right mid lung",
            "gall bladder, gallbladder",
            "gall-bladder, gallbladder",
            "para-aortic, paraaortic",
            "para aortic, paraaortic",
            "periaortic, paraaortic",
            "metastases, metastasis",
            "pelvis, pelvis",
            "pleurae, pleura",
            "opacities, opacity",
            "ground glass opacity, ground-glass opacity",
            "groundglass opacities, ground-glass opacity",
            "iliac lymph node, iliac lymph node",
            "hépatic, liver"
    })
    void resolvesWordsAndTheirVariants(String word, String expected) {
        assertThat(ontology.resolve(word)).map(OntologyTerm::name).contains(expected);
    }

    @Test
    void doesNotResolveUnknownOrEmptyWords() {
        assertThat(ontology.resolve("lesion")).isEmpty();
        assertThat(ontology.resolve("")).isEmpty();
        assertThat(ontology.resolve(" - ")).isEmpty();
        assertThat(ontology.resolve("hypodnese")).isEmpty();
    }

    @Test
    void findsAncestorsNearestFirst() {
        assertThat(ontology.ancestors("left lower lobe")).containsExactlyInAnyOrder("chest", "lung", "left lung");
        assertThat(ontology.ancestors("lung")).containsExactly("chest");
        assertThat(ontology.ancestors("chest")).isEmpty();
        assertThat(ontology.ancestors(ontology.term("left lower lobe").orElseThrow()))
                .isEqualTo(ontology.ancestors("left lower lobe"));
    }

    @Test
    void findsDescendants() {
        assertThat(ontology.descendants("lung"))
                .contains("left lung", "right lung", "left lower lobe", "right lower lobe", "right mid lung",
                        "lingula", "lung nodule", "lung mass")
                .doesNotContain("lung", "liver", "chest");
        assertThat(ontology.descendants("left lower lobe")).isEmpty();
        // every descendant of "lung" has "lung" among its ancestors
        for (String descendant : ontology.descendants("lung")) {
            assertThat(ontology.ancestors(descendant)).as(descendant).contains("lung");
        }
    }

    @Test
    void expandsLabelsWithAllParentsIncludingNamesOnlyRelationsUse() {
        assertThat(ontology.expandParents(List.of("left lower lobe")))
                .containsExactlyInAnyOrder("left lower lobe", "left lung", "lung", "chest");
        assertThat(ontology.expandParents(List.of("hemangioma")))
                .containsExactlyInAnyOrder("hemangioma", "neoplasm", "blood vessel");
        assertThat(ontology.expandParents(List.of("Porta hepatis lymph node")))
                .startsWith("porta Hepatis lymph node")
                .contains("lymph node", "abdomen lymph node", "porta Hepatis", "liver", "abdomen");
        assertThat(ontology.isKnownName("neoplasm")).isTrue();
        assertThat(ontology.term("neoplasm")).isEmpty();
    }

    @Test
    void knowsTheClassOfTermsAndOfNamesOnlyRelationsUse() {
        assertThat(ontology.labelClassOf("liver")).contains(LabelClass.BODY_PART);
        assertThat(ontology.labelClassOf("hypoattenuation")).contains(LabelClass.ATTRIBUTE);
        assertThat(ontology.labelClassOf("neoplasm")).contains(LabelClass.TYPE);
        assertThat(ontology.labelClassOf("artery")).contains(LabelClass.BODY_PART);
        assertThatThrownBy(() -> ontology.labelClassOf("nonsense")).hasMessageContaining("nonsense");
    }

    @Test
    void rejectsUnknownLabelsByName() {
        assertThatThrownBy(() -> ontology.expandParents(List.of("liver", "lvier")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown label 'lvier'")
                .hasMessageContaining("liver");
        assertThatThrownBy(() -> ontology.ancestors("no such thing")).hasMessageContaining("no such thing");
    }

    @Test
    void reportsDirectAndInheritedExclusiveConflicts() {
        List<ExclusiveConflict> conflicts = ontology.exclusiveConflicts(
                List.of("hypoattenuation", "hyperattenuation", "liver"));
        assertThat(conflicts).containsExactly(
                new ExclusiveConflict("hypoattenuation", "hyperattenuation", "hypoattenuation", "hyperattenuation"));
        assertThat(conflicts.getFirst().direct()).isTrue();

        List<ExclusiveConflict> inherited = ontology.exclusiveConflicts(List.of("right lower lobe", "left lower lobe"));
        assertThat(inherited).singleElement().satisfies(c -> {
            assertThat(c.first()).isEqualTo("right lower lobe");
            assertThat(c.second()).isEqualTo("left lower lobe");
            assertThat(c.direct()).isFalse();
            assertThat(Set.of(c.firstExclusive(), c.secondExclusive())).containsExactlyInAnyOrder("right lung", "left lung");
        });
        assertThat(ontology.exclusiveConflicts(List.of("liver", "lung")).getFirst().toString())
                .contains("'liver' and 'lung' are mutually exclusive", "abdomen", "chest");
    }

    @Test
    void findsNoConflictInAConsistentSetOrBetweenATermAndItsAncestor() {
        assertThat(ontology.exclusiveConflicts(ontology.expandParents(
                List.of("right lower lobe", "nodule", "spiculated", "lung nodule")))).isEmpty();
        assertThat(ontology.exclusiveConflicts(List.of("left kidney", "kidney", "abdomen"))).isEmpty();
    }

    @Test
    void suggestsCloseWordsForTyposAndPrefixes() {
        assertThat(ontology.suggest("hypodnese", 3)).first().isEqualTo("hypodense");
        assertThat(ontology.suggest("hypo", 20))
                .contains("hypodense", "hypoattenuation", "hypoattenuating", "hypoenhancing")
                .allSatisfy(s -> assertThat(s.toLowerCase()).startsWith("hypo"));
        assertThat(ontology.suggest("lvier", 5)).contains("liver");
        assertThat(ontology.suggest("hypo", 2)).hasSize(2);
        assertThat(ontology.suggest("qqqqqqqq", 5)).isEmpty();
        assertThat(ontology.suggest("liver", 0)).isEmpty();
    }
}
