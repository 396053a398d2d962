package org.lesionsearch.server.importing;

/**
 * One record that could not be imported.
 *
 * @param line 1-based line number in the input
 * @param lesionId the record's id when it could be read, else {@code null}
 * @param reason why, naming the field
 */
public record LineRejection(long line, String lesionId, String reason) {

    @Override
    public String toString() {
        return "line " + line + (lesionId == null ? "" : " (" + lesionId + ")") + ": " + reason;
    }
}
