package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BookmarkSentenceFinderTest {

    /** The report example of the LesaNet text-mining slides. */
    static final String SLIDES_REPORT = "FINDINGS:\n\n"
            + "Lungs, pleurae: Unchanged diffuse ground-glass opacity to the point of air bronchograms in lower lobes."
            + " Unchanged reticular and nodular juxtapleural features for example left upper lobe BOOKMARK"
            + " (1.0 cm x 0.9 cm) (series 4, image 136) and left lower lobe associated pleural thickening."
            + " Cardiac, Vascular: coronary, aorta, great vessels: unremarkable Decreased lymphadenopathy for example"
            + " axilla BOOKMARK (1.5 cm x 1.2 cm) (series 2, image 8) Mediastinum: Unchanged mediastinal adenopathy"
            + " Upper abdomen: Unchanged splenomegaly BOOKMARK (15.2 cm) (series 2, image 58) Bones, soft tissues:"
            + " no evidence of suspicious sclerotic or lytic lesions";

    private final BookmarkSentenceFinder finder = new BookmarkSentenceFinder();

    @Test
    void findsTheThreeBookmarkSentencesOfTheSlidesReport() {
        List<BookmarkSentence> found = finder.find(SLIDES_REPORT);
        assertThat(found).extracting(BookmarkSentence::text).containsExactly(
                "Unchanged reticular and nodular juxtapleural features for example left upper lobe BOOKMARK"
                        + " (1.0 cm x 0.9 cm) (series 4, image 136) and left lower lobe associated pleural thickening.",
                "Decreased lymphadenopathy for example axilla BOOKMARK (1.5 cm x 1.2 cm) (series 2, image 8)",
                "Upper abdomen: Unchanged splenomegaly BOOKMARK (15.2 cm) (series 2, image 58)");
        for (BookmarkSentence sentence : found) {
            assertThat(sentence.references()).singleElement().satisfies(reference -> {
                assertThat(reference.kinds()).containsExactly(BookmarkReference.Kind.HYPERLINK,
                        BookmarkReference.Kind.SIZE, BookmarkReference.Kind.IMAGE_REFERENCE);
                assertThat(reference.target()).isTrue();
                assertThat(sentence.text().substring(reference.start(), reference.end())).startsWith("BOOKMARK").endsWith(")");
            });
            assertThat(SLIDES_REPORT.substring(sentence.sentence().start(), sentence.sentence().end()))
                    .isEqualTo(sentence.text());
        }
    }

    @Test
    void findsSizesAndImageReferencesWithoutAHyperlink() {
        List<BookmarkReference> references = finder.references(
                "Hypodense lesion (2.1 x 1.6 cm) in the liver; another (4 mm) (image 45 of series 2). Seen (4) times.");
        assertThat(references).hasSize(2);
        assertThat(references.get(0).kinds()).containsExactly(BookmarkReference.Kind.SIZE);
        assertThat(references.get(1).kinds()).containsExactly(BookmarkReference.Kind.SIZE,
                BookmarkReference.Kind.IMAGE_REFERENCE);
    }

    @Test
    void tellsLinksToOtherBookmarksApart() {
        List<BookmarkReference> references = finder.references(
                "Unchanged large nodule bilaterally for example right lower lobe OTHER_BMK and right middle lobe BOOKMARK.");
        assertThat(references).extracting(BookmarkReference::target).containsExactly(false, true);
        assertThat(references).extracting(r -> r.kinds().getFirst())
                .containsExactly(BookmarkReference.Kind.OTHER_HYPERLINK, BookmarkReference.Kind.HYPERLINK);
        // two hyperlinks in a row are two lesions, not one
        assertThat(finder.references("nodules BOOKMARK BOOKMARK")).hasSize(2);
    }

    @Test
    void findsNothingInASentenceWithoutReferences() {
        assertThat(finder.find("No focal liver lesion. Kidneys unremarkable.")).isEmpty();
    }
}
