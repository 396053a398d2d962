package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LesionOntology;

class HandLabeledSetTest {

    private static HandLabeledSet read(String json) throws IOException {
        return HandLabeledSet.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "gold.json",
                LesionOntology.lesaNet());
    }

    @Test
    void readsTheRealDevSet() throws IOException {
        HandLabeledSet set = HandLabeledSet.read(SharedLesaNetData.handLabeledDev(), LesionOntology.lesaNet());
        assertThat(set.sentences()).hasSize(150);
        HandLabeledSentence first = set.sentences().getFirst();
        assertThat(first.text()).isEqualTo("periportal lymph node");
        assertThat(first.lesionIndex()).isEqualTo(1725);
        assertThat(first.expandedTerms()).contains("porta Hepatis lymph node", "abdomen");
    }

    @Test
    void leavesOutBadItemsAndNamesThem() throws IOException {
        HandLabeledSet set = read("""
                [{"text": "liver mass", "expanded_terms": ["liver", "mass", "livr"]},
                 {"expanded_terms": ["lung"]},
                 {"text": "lung", "expanded_terms": "lung"},
                 {"text": 5, "expanded_terms": []}]
                """);
        assertThat(set.sentences()).singleElement().satisfies(s -> {
            assertThat(s.lesionIndex()).isEqualTo(-1);
            assertThat(s.expandedTerms()).containsExactly("liver", "mass", "livr");
        });
        assertThat(set.problems()).containsExactly(
                "gold.json item 0: label 'livr' is not an ontology name",
                "gold.json item 1: field 'text' is missing or not a string; item left out",
                "gold.json item 2: field 'expanded_terms' is missing or not an array; item left out",
                "gold.json item 3: field 'text' is missing or not a string; item left out");
    }

    @Test
    void rejectsAFileThatIsNoArrayOrNoJson() {
        assertThatThrownBy(() -> read("{\"text\": \"x\"}")).isInstanceOf(IOException.class)
                .hasMessageContaining("gold.json").hasMessageContaining("array");
        assertThatThrownBy(() -> read("[{\"text\": ")).hasMessageContaining("gold.json: not valid JSON");
    }
}
