package org.lesionsearch.models.text;

/** A sentence of a report, with its character offsets in the report. */
public record Sentence(String text, int start, int end) {
}
