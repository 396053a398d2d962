package org.lesionsearch.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The audit log: one JSON object per line, appended and flushed to the operating system before
 * the answer leaves, so that no answer goes out unrecorded. Created readable by its owner only.
 * Thread-safe.
 */
public final class AuditLog implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;
    private final OutputStream out;

    private AuditLog(Path path, OutputStream out) {
        this.path = path;
        this.out = out;
    }

    /** @throws IOException naming the file when it cannot be created or opened for appending */
    public static AuditLog open(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(path.getParent());
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException exists) {
                // appended to
            } catch (UnsupportedOperationException notPosix) {
                Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
            }
            return new AuditLog(path, Files.newOutputStream(path, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new IOException("cannot open the audit log " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /** @throws IOException when the line cannot be written: the caller must not let the answer go out */
    public void append(AuditEvent event) throws IOException {
        byte[] line = (MAPPER.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            out.write(line);
            out.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
