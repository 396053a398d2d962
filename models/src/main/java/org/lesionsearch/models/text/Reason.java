package org.lesionsearch.models.text;

import java.util.Locale;

/** Why a mined label has its relevance. */
public enum Reason {
    /** Its words are in the sentence. */
    MENTION,
    /** Its two parts are in the sentence ("lung" + "nodule"). */
    COMPOSITE,
    /** It is an ancestor of a mined label. */
    PARENT,
    /** Negated: "no evidence of", "without", "not". */
    NEGATION,
    /** A neighbouring structure: "adjacent to", "posterior to". */
    RELATION,
    /** Another finding: "other", "another", or "and ..." after the bookmark. */
    OTHER_FINDING,
    /** Located by another bookmark of the sentence. */
    OTHER_BOOKMARK,
    /** Hedged: "likely", "possibly". */
    HEDGE,
    /** Offered as an alternative: "or", "and/or". */
    ALTERNATIVE,
    /** Only part of the structure: "dome of", "tail of". */
    PART_OF;

    /** The name in words: "other finding". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
