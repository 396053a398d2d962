package org.lesionsearch.indexer.dicomweb;

/** A file that is not a readable DICOM instance; the message names the file. */
public final class DicomReadException extends Exception {
    public DicomReadException(String message) {
        super(message);
    }
}
