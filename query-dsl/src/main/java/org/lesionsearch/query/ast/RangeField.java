package org.lesionsearch.query.ast;

import org.lesionsearch.core.index.Filter.NumericField;

/** Numeric fields of the query language, with their domain and the unit values are kept in. */
public enum RangeField {
    /** RECIST long axis in mm; values may be written in mm or cm. */
    SIZE("size", "mm", 0, 10_000, NumericField.SIZE_MM),
    /** Patient age in years. */
    AGE("age", "", 0, 150, NumericField.AGE),
    /** Normalised body location, left to right. */
    X("x", "", 0, 1, NumericField.LOCATION_X),
    /** Normalised body location, front to back. */
    Y("y", "", 0, 1, NumericField.LOCATION_Y),
    /** Normalised body location from the body-part regressor, head 0 to feet 1. */
    Z("z", "", 0, 1, NumericField.LOCATION_Z);

    private final String fieldName;
    private final String unit;
    private final double lowest;
    private final double highest;
    private final NumericField indexField;

    RangeField(String fieldName, String unit, double lowest, double highest, NumericField indexField) {
        this.fieldName = fieldName;
        this.unit = unit;
        this.lowest = lowest;
        this.highest = highest;
        this.indexField = indexField;
    }

    public String fieldName() {
        return fieldName;
    }

    public String unit() {
        return unit;
    }

    public double lowest() {
        return lowest;
    }

    public double highest() {
        return highest;
    }

    public NumericField indexField() {
        return indexField;
    }
}
