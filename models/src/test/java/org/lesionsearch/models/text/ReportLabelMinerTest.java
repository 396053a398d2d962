package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LesionOntology;

class ReportLabelMinerTest {

    private static final LesionOntology ONTOLOGY = LesionOntology.lesaNet();
    private static final ReportLabelMiner MINER = new ReportLabelMiner(ONTOLOGY);

    @Test
    void minesEveryBookmarkOfTheSlidesReport() {
        List<MinedLabels> mined = MINER.mineReport(BookmarkSentenceFinderTest.SLIDES_REPORT);
        assertThat(mined).hasSize(3);

        MinedLabels lung = mined.get(0);
        assertThat(lung.relevant()).contains("left upper lung", "left lung", "lung", "chest", "nodule", "reticular");
        // "and left lower lobe associated pleural thickening" is another finding after the bookmark
        assertThat(lung.irrelevant()).contains("left lower lobe", "thickening");
        assertThat(lung.evidenceFor("left lower lobe").getFirst()).extracting(LabelEvidence::reason, LabelEvidence::trigger)
                .containsExactly(Reason.OTHER_FINDING, "and");

        MinedLabels axilla = mined.get(1);
        assertThat(axilla.relevant()).contains("axilla", "lymphadenopathy", "axilla lymph node", "lymph node", "chest");
        assertThat(axilla.evidenceFor("axilla lymph node").getFirst().words()).isEqualTo("axilla + lymphadenopathy");

        MinedLabels abdomen = mined.get(2);
        assertThat(abdomen.relevant()).contains("upper abdomen", "abdomen");
    }

    @Test
    void bodyPartsBeforeAnotherBookmarkLocateThatLesion() {
        MinedLabels mined = MINER.mine(
                "Unchanged large nodule bilaterally for example right lower lobe OTHER_BMK and right middle lobe BOOKMARK.");
        assertThat(mined.relevant()).contains("large", "nodule", "right mid lung", "right lung", "lung");
        assertThat(mined.irrelevant()).containsExactly("right lower lobe");
        assertThat(mined.evidenceFor("right lower lobe").getFirst().reason()).isEqualTo(Reason.OTHER_BOOKMARK);
    }

    @Test
    void eachBookmarkOfASentenceGetsItsOwnLabels() {
        List<MinedLabels> mined = MINER.mineReport("Hypodense lesions in the liver BOOKMARK and spleen BOOKMARK.");
        assertThat(mined).hasSize(2);
        assertThat(mined.get(0).relevant()).contains("liver", "hypoattenuation").doesNotContain("spleen");
        assertThat(mined.get(1).relevant()).contains("spleen", "hypoattenuation").doesNotContain("liver");
    }

    @Test
    void infersCombinedTermsFromTheirParts() {
        MinedLabels mined = MINER.mine("small nodule, right lower lobe, lung, chest");
        assertThat(mined.relevant()).contains("lung nodule", "nodule", "right lower lobe", "lung");
        assertThat(mined.evidenceFor("lung nodule").getFirst().reason()).isEqualTo(Reason.COMPOSITE);
        // no "lung" written, no "lung nodule" inferred
        assertThat(MINER.mine("Right middle lobe nodule").relevant()).doesNotContain("lung nodule");
        assertThat(MINER.mine("left hilar mass or lymphadenopathy").relevant().contains("hilum lymph node")
                || MINER.mine("left hilar mass or lymphadenopathy").uncertain().contains("hilum lymph node")).isTrue();
    }

    @Test
    void expandsParentsOfRelevantAndUncertainLabels() {
        MinedLabels mined = MINER.mine("Left hepatic low attenuation lesion, possibly focal fat");
        assertThat(mined.relevant()).containsExactly("liver", "hypoattenuation", "abdomen", "upper abdomen");
        assertThat(mined.uncertain()).containsExactly("fat");
        assertThat(mined.evidenceFor("abdomen").getFirst())
                .isEqualTo(new LabelEvidence("abdomen", Relevance.RELEVANT, "liver", Reason.PARENT, ""));
        assertThat(mined.evidenceFor("fat").getFirst().explanation()).isEqualTo("'fat' (hedge: possibly)");
        assertThat(mined.evidenceFor("hypoattenuation").getFirst().words()).isEqualTo("low attenuation lesion");
        assertThat(ONTOLOGY.expandParents(mined.relevant())).isEqualTo(mined.relevant());
    }

    @Test
    void reportsMutuallyExclusiveRelevantLabels() {
        MinedLabels mined = MINER.mine("hypodense and hyperdense lesion");
        assertThat(mined.relevant()).contains("hypoattenuation", "hyperattenuation");
        assertThat(mined.conflicts()).singleElement()
                .satisfies(c -> assertThat(List.of(c.first(), c.second()))
                        .containsExactlyInAnyOrder("hypoattenuation", "hyperattenuation"));
    }

    @Test
    void minesNothingFromTextWithoutTerms() {
        MinedLabels mined = MINER.mine("Unchanged.");
        assertThat(mined.relevant()).isEmpty();
        assertThat(mined.uncertain()).isEmpty();
        assertThat(mined.irrelevant()).isEmpty();
        assertThat(mined.evidence()).isEmpty();
        assertThat(MINER.mineReport("No bookmarks here.")).isEmpty();
    }
}
