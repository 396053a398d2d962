package org.lesionsearch.indexer.dicom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a DICOM instance's bytes are: a file, or bytes that arrived over the network. */
public sealed interface DicomData {

    /** A name for messages: the file path, or what the sender called the instance. */
    String name();

    InputStream open() throws IOException;

    /** Total size in bytes. */
    long size() throws IOException;

    record File(Path path) implements DicomData {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public long size() throws IOException {
            return Files.size(path);
        }
    }

    record Bytes(String name, byte[] bytes) implements DicomData {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public long size() {
            return bytes.length;
        }
    }

    static DicomData of(Path path) {
        return new File(path);
    }

    static DicomData of(String name, byte[] bytes) {
        return new Bytes(name, bytes);
    }
}
