package org.lesionsearch.core.lesion;

import java.util.List;
import java.util.stream.Collectors;

/** A lesion record failed validation; the message names the lesion and every offending field. */
public class InvalidLesionException extends IllegalArgumentException {

    private final String lesionId;
    private final List<Violation> violations;

    public InvalidLesionException(String lesionId, List<Violation> violations) {
        super("lesion " + (lesionId == null ? "(no id)" : lesionId) + " is invalid: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.lesionId = lesionId;
        this.violations = List.copyOf(violations);
    }

    public String lesionId() {
        return lesionId;
    }

    public List<Violation> violations() {
        return violations;
    }
}
