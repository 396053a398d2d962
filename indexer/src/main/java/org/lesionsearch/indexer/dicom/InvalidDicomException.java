package org.lesionsearch.indexer.dicom;

import java.io.IOException;

/** A DICOM instance that cannot be used; the message names the file or instance and what is wrong. */
public class InvalidDicomException extends IOException {

    public InvalidDicomException(String message) {
        super(message);
    }

    public InvalidDicomException(String message, Throwable cause) {
        super(message, cause);
    }
}
