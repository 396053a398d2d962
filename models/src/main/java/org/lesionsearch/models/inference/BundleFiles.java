package org.lesionsearch.models.inference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a model bundle's files live: a folder, or a package of the classpath. */
public sealed interface BundleFiles {

    /** Opens a file of the bundle, or fails naming the bundle and the file. */
    InputStream open(String name) throws IOException;

    boolean exists(String name);

    /** A bundle in a folder. */
    record Directory(Path dir) implements BundleFiles {
        @Override
        public InputStream open(String name) throws IOException {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "model bundle file is missing");
            }
            return Files.newInputStream(file);
        }

        @Override
        public boolean exists(String name) {
            return Files.isRegularFile(dir.resolve(name));
        }

        @Override
        public String toString() {
            return dir.toString();
        }
    }

    /** A bundle shipped in a jar, under a resource folder such as {@code org/lesionsearch/models/demo}. */
    record Classpath(String folder, ClassLoader loader) implements BundleFiles {
        @Override
        public InputStream open(String name) throws IOException {
            InputStream in = loader.getResourceAsStream(folder + "/" + name);
            if (in == null) {
                throw new NoSuchFileException("classpath:" + folder + "/" + name, null, "model bundle file is missing");
            }
            return in;
        }

        @Override
        public boolean exists(String name) {
            return loader.getResource(folder + "/" + name) != null;
        }

        @Override
        public String toString() {
            return "classpath:" + folder;
        }
    }
}
