package org.lesionsearch.models.text;

/**
 * What the context says about one mention: its relevance, why, and the trigger words behind it
 * (empty for a plainly relevant mention).
 */
public record Judgement(Relevance relevance, Reason reason, String trigger) {

    public static final Judgement PLAIN = new Judgement(Relevance.RELEVANT, Reason.MENTION, "");

    /** This judgement or the other, whichever is weaker; the nearer (this) wins a tie. */
    public Judgement weakest(Judgement other) {
        return other.relevance.compareTo(relevance) > 0 ? other : this;
    }
}
