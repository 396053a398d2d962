package org.lesionsearch.models.text;

import java.util.Objects;

/**
 * A phrase that changes the relevance of the labels mentioned after it: "no evidence of",
 * "adjacent to", "possibly".
 *
 * @param phrase    the phrase as written in the rules
 * @param relevance what it makes of the labels in its scope (uncertain or irrelevant)
 * @param scope     which following mentions it applies to
 * @param reason    the rule it belongs to
 */
public record ContextTrigger(String phrase, Relevance relevance, TriggerScope scope, Reason reason) {

    public ContextTrigger {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(relevance, "relevance");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reason, "reason");
        if (relevance == Relevance.RELEVANT) {
            throw new IllegalArgumentException("trigger '" + phrase + "' must make labels uncertain or irrelevant");
        }
    }
}
