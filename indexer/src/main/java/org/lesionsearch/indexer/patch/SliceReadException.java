package org.lesionsearch.indexer.patch;

import java.io.IOException;

/** A slice could not be read or decoded; the message names the file or instance and what is wrong with it. */
public class SliceReadException extends IOException {

    public SliceReadException(String message) {
        super(message);
    }

    public SliceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
