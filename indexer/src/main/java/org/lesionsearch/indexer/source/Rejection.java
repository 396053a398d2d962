package org.lesionsearch.indexer.source;

/**
 * A lesion, or a file, that could not be indexed and why.
 *
 * @param lesionId the lesion's id, or {@code null} when the problem came before one could be made
 * @param file the file (and line) at fault, or the instance UID for sources without files
 * @param reason what is wrong, in words a user can act on
 */
public record Rejection(String lesionId, String file, String reason) {

    @Override
    public String toString() {
        return (lesionId == null ? "" : lesionId + " ") + "(" + file + "): " + reason;
    }
}
