package org.lesionsearch.models.text;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real LesaNet files under {@code shared/data/lesanet}, found through {@code lesionsearch.shared}. */
final class SharedLesaNetData {

    private SharedLesaNetData() {
    }

    static Path handLabeledDev() {
        String configured = System.getProperty("lesionsearch.shared");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared");
        if (!Files.isDirectory(root.resolve("data"))) {
            root = Path.of("..", "..", "shared");
        }
        return root.resolve("data/lesanet/hand_labeled_dev_150.json").toAbsolutePath().normalize();
    }
}
