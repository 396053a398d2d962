package org.lesionsearch.indexer.dicomweb;

/** A multipart body or header that does not follow RFC 2046; the message says where. */
public final class MalformedMultipartException extends RuntimeException {
    public MalformedMultipartException(String message) {
        super(message);
    }
}
