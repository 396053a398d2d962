package org.lesionsearch.core.index;

/** The index cannot do what was asked for a reason that is not the caller's input (I/O, corruption, backend down). */
public class IndexException extends RuntimeException {

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }

    public IndexException(String message) {
        super(message);
    }
}
