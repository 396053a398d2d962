package org.lesionsearch.models.inference;

/** A network failed while encoding a batch. */
public class EncodingException extends RuntimeException {

    public EncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
