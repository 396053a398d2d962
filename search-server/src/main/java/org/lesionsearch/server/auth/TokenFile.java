package org.lesionsearch.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The token file: JSON holding each token's record (hashes only). It is replaced atomically, so a
 * running server reading it sees the old list or the new one, never half of one; changes take a
 * lock file so that two {@code token} commands do not lose each other's edit. On POSIX file systems
 * the file is readable by its owner only.
 */
public final class TokenFile {

    static final int FORMAT = 1;

    /** The file's content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Content(int format, List<StoredToken> tokens) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;

    public TokenFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    public Path path() {
        return path;
    }

    /**
     * The tokens in the file; none when it does not exist.
     *
     * @throws IOException naming the file when it cannot be read or is not a token file
     */
    public List<StoredToken> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        Content content;
        try {
            content = MAPPER.readValue(bytes, Content.class);
        } catch (JsonProcessingException e) {
            throw new IOException("the token file " + path + " is not a valid token file: " + e.getOriginalMessage(), e);
        }
        if (content == null || content.tokens() == null) {
            throw new IOException("the token file " + path + " has no token list");
        }
        if (content.format() != FORMAT) {
            throw new IOException("the token file " + path + " has format " + content.format() + "; this build reads format "
                    + FORMAT);
        }
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (StoredToken t : content.tokens()) {
            if (!ids.add(t.id()) || !names.add(t.name())) {
                throw new IOException("the token file " + path + " lists token '" + t.name() + "' (" + t.id() + ") twice");
            }
        }
        return List.copyOf(content.tokens());
    }

    /**
     * Reads the tokens, applies {@code change} and writes the result back, under the lock.
     *
     * @return the tokens as written
     */
    public List<StoredToken> update(UnaryOperator<List<StoredToken>> change) throws IOException {
        Files.createDirectories(path.getParent());
        Path lock = path.resolveSibling(path.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            List<StoredToken> changed = List.copyOf(change.apply(new ArrayList<>(read())));
            write(changed);
            return changed;
        }
    }

    private void write(List<StoredToken> tokens) throws IOException {
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        createOwnerOnly(temp);
        Files.write(temp, MAPPER.writeValueAsBytes(new Content(FORMAT, tokens)), StandardOpenOption.TRUNCATE_EXISTING);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot write " + file + ": it exists", e);
        }
    }
}
