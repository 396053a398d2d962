package org.lesionsearch.indexer.dicomweb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a DICOMweb service lives and how patiently to talk to it.
 *
 * @param baseUri the service root, e.g. {@code http://127.0.0.1:8042/dicom-web}
 * @param connectTimeout time to open a connection
 * @param responseTimeout time from sending a request to its response headers
 * @param idleTimeout longest silence while a response body streams in
 * @param pageSize QIDO-RS {@code limit} per page
 * @param maxInstanceBytes largest instance accepted from WADO-RS
 */
public record DicomWebConfig(
        URI baseUri,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration idleTimeout,
        RetryPolicy retry,
        int pageSize,
        long maxInstanceBytes) {

    public DicomWebConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        String scheme = baseUri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("DICOMweb URL '" + baseUri + "' must be an http or https URL with a host");
        }
        String path = baseUri.getPath() == null ? "" : baseUri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        baseUri = baseUri.resolve(path.isEmpty() ? "/" : path).normalize();
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(retry, "retry");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        if (maxInstanceBytes < 1) {
            throw new IllegalArgumentException("maxInstanceBytes must be at least 1, was " + maxInstanceBytes);
        }
    }

    /** Defaults for a PACS on a hospital network: 10 s to connect, 60 s to answer, 60 s of silence. */
    public static DicomWebConfig of(URI baseUri) {
        return new DicomWebConfig(baseUri, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60),
                RetryPolicy.defaults(), 500, 1L << 30);
    }

    public DicomWebConfig withTimeouts(Duration connect, Duration response, Duration idle) {
        return new DicomWebConfig(baseUri, connect, response, idle, retry, pageSize, maxInstanceBytes);
    }

    public DicomWebConfig withRetry(RetryPolicy policy) {
        return new DicomWebConfig(baseUri, connectTimeout, responseTimeout, idleTimeout, policy, pageSize, maxInstanceBytes);
    }

    public DicomWebConfig withPageSize(int size) {
        return new DicomWebConfig(baseUri, connectTimeout, responseTimeout, idleTimeout, retry, size, maxInstanceBytes);
    }

    public DicomWebConfig withMaxInstanceBytes(long bytes) {
        return new DicomWebConfig(baseUri, connectTimeout, responseTimeout, idleTimeout, retry, pageSize, bytes);
    }

    /** The service root without a trailing slash, as text. */
    String root() {
        String s = baseUri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }
}
