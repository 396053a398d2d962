package org.lesionsearch.core.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OntologyCsvReaderTest {

    private static final String HEADER = "id,class,term,synonyms,num_detected,term_exclusive,term_parents,term_children\n";
    private static final String VOCABULARY = "index,term,class\n0,chest,bodypart\n1,lung,bodypart\n2,nodule,type\n";

    private static LesionOntology read(String csv) throws IOException {
        LabelVocabulary vocabulary = LabelVocabulary.read(
                new ByteArrayInputStream(VOCABULARY.getBytes(StandardCharsets.UTF_8)), "vocabulary.csv");
        return LesionOntology.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv", vocabulary);
    }

    private static final String VALID = HEADER
            + "1,bodypart,chest,chest | thorax,10,abdomen,,lung\n"
            + "2,bodypart,lung,lung | pulmonary,5,\n" // trailing cells left out
            + "3,type,nodule,nodule | nodular,7,,,,,\n" // extra empty cells
            + "4,type,lung nodule,lung nodule | pulmonary nodule,3,,lung | nodule | neoplasm,\n"
            + "5,bodypart,abdomen,\"abdomen | abdominal\",9,,,\n";

    @Test
    void readsAWellFormedFileWithRaggedRows() throws IOException {
        LesionOntology ontology = read(VALID);
        assertThat(ontology.terms()).extracting(OntologyTerm::name)
                .containsExactly("chest", "lung", "nodule", "lung nodule", "abdomen");
        assertThat(ontology.resolve("pulmonary nodules")).map(OntologyTerm::name).contains("lung nodule");
        assertThat(ontology.ancestors("lung nodule")).containsExactlyInAnyOrder("lung", "nodule", "neoplasm", "chest");
        assertThat(ontology.areExclusive("abdomen", "chest")).isTrue();
        assertThat(ontology.term("nodule").orElseThrow().labelIndex()).hasValue(2);
        assertThat(ontology.term("abdomen").orElseThrow().isModelLabel()).isFalse();
    }

    @Test
    void namesAMissingColumn() {
        assertThatThrownBy(() -> read("id,class,term,synonyms\n1,bodypart,chest,chest\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("test.csv").hasMessageContaining("num_detected");
    }

    @Test
    void namesTheLineOfABadClassOrId() {
        assertThatThrownBy(() -> read(HEADER + "1,organ,chest,chest,1,,,\n"))
                .hasMessageContaining("test.csv line 2").hasMessageContaining("organ");
        assertThatThrownBy(() -> read(HEADER + "x1,bodypart,chest,chest,1,,,\n"))
                .hasMessageContaining("test.csv line 2").hasMessageContaining("'id'");
        assertThatThrownBy(() -> read(HEADER + "1,bodypart,chest,chest,1,,,,surprise\n"))
                .hasMessageContaining("line 2").hasMessageContaining("surprise");
    }

    @Test
    void rejectsAVocabularyLabelThatIsNoTerm() {
        assertThatThrownBy(() -> read(HEADER + "1,bodypart,chest,chest,1,,,\n2,bodypart,lung,lung,1,,,\n"))
                .hasMessageContaining("label 'nodule'");
    }

    @Test
    void rejectsDuplicateTermsAndCycles() {
        assertThatThrownBy(() -> read(VALID + "6,bodypart,Lung,lung,1,,,\n"))
                .hasMessageContaining("line 7").hasMessageContaining("twice");
        assertThatThrownBy(() -> read(VALID.replace("4,type,lung nodule,lung nodule | pulmonary nodule,3,,lung | nodule | neoplasm,",
                "4,type,lung nodule,lung nodule,3,,lung | nodule,chest")))
                .hasMessageContaining("cycle");
    }

    @Test
    void rejectsAClassThatDisagreesWithTheVocabulary() {
        assertThatThrownBy(() -> read(VALID.replace("3,type,nodule", "3,attribute,nodule")))
                .hasMessageContaining("'nodule'").hasMessageContaining("type");
    }

    @Test
    void rejectsAnEmptyFileOrUnterminatedQuote() {
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> read(HEADER)).hasMessageContaining("no terms");
        assertThatThrownBy(() -> read(HEADER + "1,bodypart,\"chest,chest,1,,,\n")).hasMessageContaining("quoted");
    }
}
