package org.lesionsearch.server.api;

import java.nio.file.Path;

/**
 * How the HTTP server listens and what it accepts. Build it from {@link #defaults()} and the
 * {@code with...} methods so that adding a setting does not touch every caller.
 *
 * @param host address to bind; the loopback address unless the operator opens it up on purpose
 * @param port TCP port, 0 for any free port
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param maxK largest page size a search may ask for
 * @param maxOffset largest number of hits a search may skip
 * @param dicomInbox folder where STOW-RS stores pushed DICOM instances for the pipeline, or
 *     {@code null} when the server takes no pushes
 * @param maxStowBytes largest STOW-RS body accepted (streamed to disk, not held in memory)
 */
public record ServerConfig(String host, int port, long maxBodyBytes, int maxK, int maxOffset, Path dicomInbox,
        long maxStowBytes) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_K = 1000;
    public static final int DEFAULT_MAX_OFFSET = 10_000;
    public static final long DEFAULT_MAX_STOW_BYTES = 4L * 1024 * 1024 * 1024;

    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is missing");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max body size must be between 1 KiB and 2 GiB, was " + maxBodyBytes);
        }
        if (maxK < 1) {
            throw new IllegalArgumentException("max k must be at least 1, was " + maxK);
        }
        if (maxOffset < 0) {
            throw new IllegalArgumentException("max offset must not be negative, was " + maxOffset);
        }
        if (maxStowBytes < 1024) {
            throw new IllegalArgumentException("max STOW-RS body size must be at least 1 KiB, was " + maxStowBytes);
        }
    }

    /** Settings without a DICOM inbox. */
    public ServerConfig(String host, int port, long maxBodyBytes, int maxK, int maxOffset) {
        this(host, port, maxBodyBytes, maxK, maxOffset, null, DEFAULT_MAX_STOW_BYTES);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(LOOPBACK, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_K, DEFAULT_MAX_OFFSET, null,
                DEFAULT_MAX_STOW_BYTES);
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(host, port, maxBodyBytes, maxK, maxOffset, dicomInbox, maxStowBytes);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(host, port, maxBodyBytes, maxK, maxOffset, dicomInbox, maxStowBytes);
    }

    public ServerConfig withMaxBodyBytes(long maxBodyBytes) {
        return new ServerConfig(host, port, maxBodyBytes, maxK, maxOffset, dicomInbox, maxStowBytes);
    }

    public ServerConfig withMaxK(int maxK) {
        return new ServerConfig(host, port, maxBodyBytes, maxK, maxOffset, dicomInbox, maxStowBytes);
    }

    public ServerConfig withMaxOffset(int maxOffset) {
        return new ServerConfig(host, port, maxBodyBytes, maxK, maxOffset, dicomInbox, maxStowBytes);
    }

    public ServerConfig withDicomInbox(Path dicomInbox) {
        return new ServerConfig(host, port, maxBodyBytes, maxK, maxOffset, dicomInbox, maxStowBytes);
    }

    public ServerConfig withMaxStowBytes(long maxStowBytes) {
        return new ServerConfig(host, port, maxBodyBytes, maxK, maxOffset, dicomInbox, maxStowBytes);
    }
}
