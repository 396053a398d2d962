package org.lesionsearch.query.ast;

import java.util.Optional;
import org.lesionsearch.core.ontology.LabelClass;

/** Which ontology class a label term must belong to, by the field that introduced it. */
public enum LabelScope {
    ANY("label", null),
    BODY_PART("part", LabelClass.BODY_PART),
    TYPE("type", LabelClass.TYPE),
    ATTRIBUTE("attr", LabelClass.ATTRIBUTE);

    private final String fieldName;
    private final LabelClass labelClass;

    LabelScope(String fieldName, LabelClass labelClass) {
        this.fieldName = fieldName;
        this.labelClass = labelClass;
    }

    public String fieldName() {
        return fieldName;
    }

    /** The class a term must have, empty for {@code label:} which takes any class. */
    public Optional<LabelClass> labelClass() {
        return Optional.ofNullable(labelClass);
    }
}
