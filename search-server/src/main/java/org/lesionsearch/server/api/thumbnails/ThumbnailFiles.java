package org.lesionsearch.server.api.thumbnails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a lesion's thumbnail file from the reference stored in the lesion ({@code
 * thumbnails/<id>.png}, relative to the index folder). A reference is only followed inside that
 * folder: lesions can be written through the API, and a reference such as {@code ../../etc/passwd}
 * or an absolute path must not make the server read other files.
 */
public final class ThumbnailFiles {

    private final Path root;

    /** @param root the folder references are relative to, or {@code null} when there are none */
    public ThumbnailFiles(Path root) {
        this.root = root;
    }

    public Optional<Path> resolve(String reference) {
        if (root == null || reference == null || reference.isBlank() || !reference.toLowerCase().endsWith(".png")) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(reference).normalize();
            if (!candidate.startsWith(realRoot) || !Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
    }
}
