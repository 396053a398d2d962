package org.lesionsearch.models.text;

/** Which mentions after a trigger phrase it applies to. */
public enum TriggerScope {
    /** The first mention right after it ("or nodule", "poorly enhancing"). */
    NEXT,
    /** The noun phrase after it, up to punctuation or a word that starts another phrase ("with", "and"). */
    PHRASE,
    /** The rest of the clause, up to punctuation or "but", "however"... */
    CLAUSE
}
