package org.lesionsearch.models.text;

import java.util.Locale;

/**
 * Why a label was mined with its relevance.
 *
 * @param label     the ontology label
 * @param relevance relevant, uncertain or irrelevant
 * @param words     the words of the sentence it was found in ("hypodense"), the parts it was
 *                  composed of ("lung + nodule"), or for a parent the label it was added for
 * @param reason    the rule behind its relevance
 * @param trigger   the words that made it uncertain or irrelevant ("no evidence of"); empty for
 *                  a relevant label
 */
public record LabelEvidence(String label, Relevance relevance, String words, Reason reason, String trigger) {

    /** "'hepatic' (mention)", "'pancreas' (relation: adjacent to)", "parent of liver". */
    public String explanation() {
        if (reason == Reason.PARENT) {
            return "parent of " + words;
        }
        return "'" + words + "' (" + reason.words() + (trigger.isEmpty() ? "" : ": " + trigger) + ")";
    }

    @Override
    public String toString() {
        return label + " [" + relevance.name().toLowerCase(Locale.ROOT) + "] " + explanation();
    }
}
