package org.lesionsearch.server.importing;

/** Hears how an import goes: progress after every batch, and each refused record as it is found. */
public interface ImportListener {

    ImportListener NONE = new ImportListener() {
    };

    /**
     * @param records non-blank lines read so far
     * @param imported records written so far
     * @param rejected records refused so far
     * @param bytesRead input bytes consumed so far
     */
    default void progress(long records, long imported, long rejected, long bytesRead) {
    }

    default void rejected(LineRejection rejection) {
    }
}
