package org.lesionsearch.indexer.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps lesion thumbnails as {@code thumbnails/<lesion id>.png} beside the index. Records refer to
 * them by that relative path, so an index folder can move as a whole.
 */
public final class ThumbnailStore {

    public static final String FOLDER = "thumbnails";

    private final Path dir;

    public ThumbnailStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** Writes (or replaces) a thumbnail atomically and returns the reference to store in the lesion. */
    public String write(String lesionId, byte[] png) throws IOException {
        String name = fileName(lesionId);
        Path tmp = dir.resolve(name + ".tmp");
        Files.write(tmp, png);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return FOLDER + "/" + name;
    }

    /** Lesion ids are DeepLesion names or UIDs; anything else outside a safe file-name alphabet is replaced. */
    static String fileName(String lesionId) {
        return lesionId.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
    }
}
