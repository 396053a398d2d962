package org.lesionsearch.server.api.thumbnails;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailFilesTest {

    @TempDir
    Path dir;

    @Test
    void aReferenceIsFollowedOnlyToAPngInsideTheRoot() throws Exception {
        Path root = Files.createDirectories(dir.resolve("index"));
        Path inside = Files.write(Files.createDirectories(root.resolve("thumbnails")).resolve("a.png"), new byte[] {1});
        Path outside = Files.write(dir.resolve("secret.png"), new byte[] {2});
        Files.write(root.resolve("notes.txt"), new byte[] {3});
        Files.createSymbolicLink(root.resolve("thumbnails/link.png"), outside);
        ThumbnailFiles files = new ThumbnailFiles(root);

        assertThat(files.resolve("thumbnails/a.png")).hasValue(inside.toRealPath());
        assertThat(files.resolve("thumbnails/../thumbnails/a.png")).hasValue(inside.toRealPath());
        assertThat(files.resolve("../secret.png")).isEmpty();
        assertThat(files.resolve(outside.toString())).isEmpty();
        assertThat(files.resolve("thumbnails/link.png")).as("a link out of the root").isEmpty();
        assertThat(files.resolve("notes.txt")).isEmpty();
        assertThat(files.resolve("thumbnails/missing.png")).isEmpty();
        assertThat(files.resolve("thumbnails")).isEmpty();
        assertThat(files.resolve("bad\u0000name.png")).isEmpty();
        assertThat(files.resolve(null)).isEmpty();
        assertThat(new ThumbnailFiles(null).resolve("thumbnails/a.png")).isEmpty();
    }
}
