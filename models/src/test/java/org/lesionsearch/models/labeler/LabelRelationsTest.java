package org.lesionsearch.models.labeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LabelVocabulary;

/** Reliable negatives and parent expansion from the real LesaNet ontology. */
class LabelRelationsTest {

    private final LabelRelations relations = LabelRelations.lesaNet();
    private final LabelVocabulary vocabulary = relations.vocabulary();

    @Test
    void aLungLabelMakesLiverAReliableNegativeButNotNodule() {
        BitSet positives = relations.indicesOf(Set.of("lung"));
        BitSet reliable = relations.reliable(positives);
        assertThat(reliable.get(index("lung"))).isTrue();
        assertThat(reliable.get(index("liver"))).isTrue();       // chest and abdomen exclude each other
        assertThat(reliable.get(index("nodule"))).isFalse();     // a missing "nodule" says nothing
        assertThat(relations.exclusive(index("liver"), index("lung"))).isTrue();
        assertThat(relations.exclusive(index("lung"), index("liver"))).isTrue();
    }

    @Test
    void expansionAddsEveryAncestor() {
        BitSet expanded = relations.expandParents(relations.indicesOf(Set.of("left lower lobe")));
        assertThat(expanded.stream().mapToObj(vocabulary::term)).contains("left lower lobe", "left lung", "lung", "chest");
    }

    @Test
    void unknownLabelsAreNamed() {
        assertThatThrownBy(() -> relations.indicesOf(Set.of("lung", "spleenish"))).hasMessageContaining("spleenish");
    }

    private int index(String term) {
        return vocabulary.indexOf(term).orElseThrow();
    }
}
