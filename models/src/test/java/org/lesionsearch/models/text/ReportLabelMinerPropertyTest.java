package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.core.ontology.OntologyTerm;

class ReportLabelMinerPropertyTest {

    private static final LesionOntology ONTOLOGY = LesionOntology.lesaNet();
    private static final ReportLabelMiner MINER = new ReportLabelMiner(ONTOLOGY);

    /** Sentences made of ontology synonyms, trigger words, bookmark references and punctuation. */
    @Provide
    Arbitrary<String> reportish() {
        List<String> words = new java.util.ArrayList<>();
        for (OntologyTerm term : ONTOLOGY.terms()) {
            words.addAll(term.synonyms());
        }
        words.addAll(List.of("no evidence of", "without", "not", "adjacent to", "other", "or", "and/or", "likely",
                "possibly", "tail of", "dome of", "and", ",", ".", ";", "BOOKMARK", "OTHER_BMK", "(1.0 cm x 0.9 cm)",
                "(series 4, image 136)", "the", "lesion", "with", "Unchanged", "para-", "\u00e9", "(", ")"));
        return Arbitraries.of(words).list().ofMinSize(0).ofMaxSize(25).map(w -> String.join(" ", w));
    }

    @Property(tries = 300)
    void theThreeSetsAreDisjointAndRelevantLabelsCarryTheirParents(@ForAll("reportish") String sentence) {
        MinedLabels mined = MINER.mine(sentence);
        Set<String> overlap = new HashSet<>(mined.relevant());
        overlap.retainAll(mined.uncertain());
        assertThat(overlap).isEmpty();
        Set<String> stated = new HashSet<>(mined.relevantOrUncertain());
        stated.retainAll(mined.irrelevant());
        assertThat(stated).isEmpty();
        assertThat(ONTOLOGY.expandParents(mined.relevant())).isEqualTo(mined.relevant());
        Set<String> all = new HashSet<>(mined.relevant());
        all.addAll(mined.uncertain());
        all.addAll(mined.irrelevant());
        assertThat(mined.evidence()).extracting(LabelEvidence::label).containsExactlyInAnyOrderElementsOf(all);
    }

    @Property(tries = 300)
    void anyTextCanBeMined(@ForAll String text) {
        MINER.mine(text);
        MINER.mineReport(text);
    }
}
