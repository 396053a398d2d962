package org.lesionsearch.models.text;

/**
 * Which steps of label mining run, beyond whole-word matching with plural folding and parent
 * expansion. All on is the miner; all off is the plain lexicon baseline; one off measures what
 * that step adds.
 *
 * @param normalization   join detached prefixes ("para aortic"), read adverbs as their adjective
 * @param lexiconVariants "X lymphadenopathy", "head of the pancreas", "juxtapleural", and terms
 *                        whose head is shared by "and"/"or" ("abdominal and pelvic wall")
 * @param nestedMentions  types and attributes inside a longer mention ("adenopathy" in
 *                        "mediastinal adenopathy") count as labels too
 * @param contextRules    negation, relation, other-finding, hedge and part-of triggers
 * @param composites      combined terms from their parts ("lung" + "nodule" gives "lung nodule")
 */
public record MiningOptions(boolean normalization, boolean lexiconVariants, boolean nestedMentions,
                            boolean contextRules, boolean composites) {

    public static MiningOptions all() {
        return new MiningOptions(true, true, true, true, true);
    }

    /** Whole-word lexicon matching with plural folding and parent expansion only. */
    public static MiningOptions plainLexicon() {
        return new MiningOptions(false, false, false, false, false);
    }

    public MiningOptions withNormalization(boolean on) {
        return new MiningOptions(on, lexiconVariants, nestedMentions, contextRules, composites);
    }

    public MiningOptions withLexiconVariants(boolean on) {
        return new MiningOptions(normalization, on, nestedMentions, contextRules, composites);
    }

    public MiningOptions withNestedMentions(boolean on) {
        return new MiningOptions(normalization, lexiconVariants, on, contextRules, composites);
    }

    public MiningOptions withContextRules(boolean on) {
        return new MiningOptions(normalization, lexiconVariants, nestedMentions, on, composites);
    }

    public MiningOptions withComposites(boolean on) {
        return new MiningOptions(normalization, lexiconVariants, nestedMentions, contextRules, on);
    }
}
