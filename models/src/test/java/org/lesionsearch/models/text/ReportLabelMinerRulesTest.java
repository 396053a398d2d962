package org.lesionsearch.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LesionOntology;

/** Each rule that separates irrelevant and uncertain mentions, at work on sentences written for it. */
class ReportLabelMinerRulesTest {

    private static final ReportLabelMiner MINER = new ReportLabelMiner(LesionOntology.lesaNet());

    private static MinedLabels mine(String sentence) {
        return MINER.mine(sentence);
    }

    private static String triggerOf(MinedLabels mined, String label) {
        return mined.evidenceFor(label).getFirst().trigger();
    }

    @Test
    void negationMakesTheRestOfTheClauseIrrelevant() {
        MinedLabels mined = mine("no evidence of liver metastasis");
        assertThat(mined.relevant()).isEmpty();
        assertThat(mined.irrelevant()).containsExactlyInAnyOrder("liver", "metastasis");
        assertThat(triggerOf(mined, "metastasis")).isEqualTo("no evidence of");
        assertThat(mined.evidenceFor("metastasis").getFirst().reason()).isEqualTo(Reason.NEGATION);

        MinedLabels lytic = mine("Bones, soft tissues: no evidence of suspicious sclerotic or lytic lesions");
        assertThat(lytic.irrelevant()).contains("sclerotic", "lytic");
        assertThat(lytic.relevant()).contains("bone", "soft tissue").doesNotContain("sclerotic", "lytic");
    }

    @Test
    void negationEndsAtPunctuationAndDoesNotCountPseudoTriggers() {
        MinedLabels mined = mine("hypodense liver lesion, without calcification");
        assertThat(mined.relevant()).contains("hypoattenuation", "liver");
        assertThat(mined.irrelevant()).containsExactly("calcified");
        assertThat(triggerOf(mined, "calcified")).isEqualTo("without");

        assertThat(mine("no change in the right lower lobe nodule").relevant()).contains("right lower lobe", "nodule");
        assertThat(mine("no liver lesion").irrelevant()).containsExactly("liver");
    }

    @Test
    void notAndPoorlyNegateOnlyTheNextMention() {
        MinedLabels mined = mine("poorly enhancing mass in the liver");
        assertThat(mined.irrelevant()).containsExactly("enhancing");
        assertThat(mined.relevant()).contains("mass", "liver", "liver mass");
        // inside a label's own words a trigger does not count
        assertThat(mine("poorly defined mass").relevant()).contains("indistinct", "mass");
        MinedLabels notCalcified = mine("nodule, not calcified");
        assertThat(notCalcified.relevant()).contains("noncalcified").doesNotContain("calcified");
        assertThat(notCalcified.irrelevant()).containsExactly("calcified");
    }

    @Test
    void aNeighbouringStructureIsIrrelevant() {
        MinedLabels mined = mine("lesion adjacent to the pancreas");
        assertThat(mined.irrelevant()).containsExactly("pancreas");
        assertThat(mined.relevant()).isEmpty();
        assertThat(triggerOf(mined, "pancreas")).isEqualTo("adjacent to");
        assertThat(mined.evidenceFor("pancreas").getFirst().reason()).isEqualTo(Reason.RELATION);

        MinedLabels pelvic = mine("left lower pelvic mass, lateral to rectum, pelvis");
        assertThat(pelvic.relevant()).contains("pelvis", "mass").doesNotContain("rectum");
        assertThat(pelvic.irrelevant()).containsExactly("rectum");

        MinedLabels trachea = mine("Left paratracheal mass that compresses the trachea");
        assertThat(trachea.irrelevant()).containsExactly("trachea");
    }

    @Test
    void aRelationCoversOneNounPhraseOnly() {
        MinedLabels mined = mine("hypodense mass posterior to the liver with calcification");
        assertThat(mined.irrelevant()).containsExactly("liver");
        assertThat(mined.relevant()).contains("hypoattenuation", "mass", "calcified");
    }

    @Test
    void anotherFindingIsIrrelevant() {
        MinedLabels mined = mine("other pulmonary nodules are unchanged");
        assertThat(mined.irrelevant()).contains("nodule", "lung nodule");
        assertThat(mined.relevant()).isEmpty();
        assertThat(triggerOf(mined, "nodule")).isEqualTo("other");
        assertThat(mined.evidenceFor("nodule").getFirst().reason()).isEqualTo(Reason.OTHER_FINDING);
    }

    @Test
    void hedgesAndAlternativesAreUncertain() {
        MinedLabels mined = mine("possibly a cyst or hemangioma");
        assertThat(mined.uncertain()).contains("cyst", "hemangioma", "neoplasm");
        assertThat(mined.relevant()).isEmpty();
        assertThat(triggerOf(mined, "cyst")).isEqualTo("possibly");

        MinedLabels likely = mine("right renal low attenuation lesion, likely a cyst");
        assertThat(likely.relevant()).contains("right kidney", "kidney", "hypoattenuation").doesNotContain("cyst");
        assertThat(likely.uncertain()).contains("cyst", "kidney cyst");

        MinedLabels or = mine("anterior mediastinal lymph node or nodule");
        assertThat(or.relevant()).contains("anterior mediastinum", "lymph node");
        assertThat(or.uncertain()).containsExactly("nodule");
        assertThat(triggerOf(or, "nodule")).isEqualTo("or");
        assertThat(or.evidenceFor("nodule").getFirst().reason()).isEqualTo(Reason.ALTERNATIVE);
        assertThat(mine("lymph node and/or mass").uncertain()).containsExactly("mass");
    }

    @Test
    void aPartOfAStructureMakesItUncertain() {
        MinedLabels mined = mine("hypodense lesion in the dome of the liver");
        assertThat(mined.relevant()).contains("hypoattenuation");
        assertThat(mined.uncertain()).contains("liver", "abdomen");
        assertThat(triggerOf(mined, "liver")).isEqualTo("dome of");
        assertThat(mined.evidenceFor("liver").getFirst().reason()).isEqualTo(Reason.PART_OF);
        // a phrase the ontology lists wins over the trigger inside it
        assertThat(mine("mass in the tail of pancreas").relevant()).contains("pancreatic tail", "pancreas");
    }

    @Test
    void irrelevantWinsOverUncertainAndRelevantWinsOverBoth() {
        assertThat(mine("no evidence of cyst or hemangioma").irrelevant()).contains("cyst", "hemangioma");
        MinedLabels both = mine("liver mass, no other liver lesion");
        assertThat(both.relevant()).contains("liver", "mass");
        assertThat(both.irrelevant()).doesNotContain("liver");
    }

    @Test
    void withoutContextRulesEveryMentionIsRelevant() {
        ReportLabelMiner plain = new ReportLabelMiner(LesionOntology.lesaNet(), MiningOptions.all().withContextRules(false));
        assertThat(plain.mine("no evidence of liver metastasis").relevant()).contains("liver", "metastasis");
    }
}
