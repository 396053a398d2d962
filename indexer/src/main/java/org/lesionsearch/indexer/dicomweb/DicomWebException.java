package org.lesionsearch.indexer.dicomweb;

/** A DICOMweb call that failed for good (after its retries); the message names the URL and why. */
public class DicomWebException extends RuntimeException {

    private final int status;

    public DicomWebException(String message) {
        this(message, 0, null);
    }

    public DicomWebException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The last HTTP status, or 0 when no answer came (time-out, refused connection). */
    public int status() {
        return status;
    }
}
