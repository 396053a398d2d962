package org.lesionsearch.indexer;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real reference files under {@code shared/data}, found through {@code lesionsearch.shared}. */
public final class SharedTestData {

    private SharedTestData() {
    }

    public static Path root() {
        String configured = System.getProperty("lesionsearch.shared");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared");
        if (!Files.isDirectory(root.resolve("data"))) {
            root = Path.of("..", "..", "shared");
        }
        return root.toAbsolutePath().normalize();
    }

    public static Path deepLesion() {
        return root().resolve("data/deeplesion");
    }

    public static Path dicom() {
        return root().resolve("data/dicom");
    }
}
