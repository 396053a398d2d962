package org.lesionsearch.core.lesion;

/** One problem with a lesion record: the field it concerns and what is wrong, in words a user can act on. */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
