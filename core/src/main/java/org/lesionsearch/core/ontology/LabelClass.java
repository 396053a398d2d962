package org.lesionsearch.core.ontology;

import java.util.Locale;

/** The three classes of ontology terms. */
public enum LabelClass {
    BODY_PART("bodypart"), TYPE("type"), ATTRIBUTE("attribute");

    private final String csvName;

    LabelClass(String csvName) {
        this.csvName = csvName;
    }

    public static LabelClass fromCsv(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (LabelClass c : values()) {
            if (c.csvName.equals(t) || c.name().toLowerCase(Locale.ROOT).equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown label class '" + text + "' (expected bodypart, type or attribute)");
    }

    public String csvName() {
        return csvName;
    }
}
