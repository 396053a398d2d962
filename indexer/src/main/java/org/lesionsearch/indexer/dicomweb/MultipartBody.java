package org.lesionsearch.indexer.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/related body to send (a STOW-RS request): parts from memory or from files,
 * written out or streamed through {@link HttpRequest.BodyPublisher} without loading files.
 */
public final class MultipartBody {

    private final String boundary;
    private final String relatedType;
    private final List<Content> parts = new ArrayList<>();
    private final List<Map<String, String>> partHeaders = new ArrayList<>();

    private sealed interface Content {}

    private record Bytes(byte[] bytes) implements Content {}

    private record FileContent(Path file) implements Content {}

    public MultipartBody(String relatedType) {
        this(relatedType, UUID.randomUUID().toString());
    }

    public MultipartBody(String relatedType, String boundary) {
        if (boundary.isEmpty() || boundary.length() > MultipartReader.MAX_WRITTEN_BOUNDARY_LENGTH) {
            throw new IllegalArgumentException("multipart boundary must be 1 to " + MultipartReader.MAX_WRITTEN_BOUNDARY_LENGTH + " characters");
        }
        this.relatedType = relatedType;
        this.boundary = boundary;
    }

    /** Multipart/related of DICOM instances, the STOW-RS request body. */
    public static MultipartBody dicom() {
        return new MultipartBody("application/dicom");
    }

    public MultipartBody add(byte[] content) {
        return add(Map.of("Content-Type", relatedType), content);
    }

    public MultipartBody add(Path file) {
        parts.add(new FileContent(file));
        partHeaders.add(Map.of("Content-Type", relatedType));
        return this;
    }

    public MultipartBody add(Map<String, String> headers, byte[] content) {
        parts.add(new Bytes(content.clone()));
        partHeaders.add(new LinkedHashMap<>(headers));
        return this;
    }

    public ContentType contentType() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("type", relatedType);
        params.put("boundary", boundary);
        return new ContentType("multipart/related", params);
    }

    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> pieces = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            pieces.add(HttpRequest.BodyPublishers.ofByteArray(partHead(i)));
            pieces.add(switch (parts.get(i)) {
                case Bytes b -> HttpRequest.BodyPublishers.ofByteArray(b.bytes());
                case FileContent f -> ofFile(f.file());
            });
        }
        pieces.add(HttpRequest.BodyPublishers.ofByteArray(closing()));
        return HttpRequest.BodyPublishers.concat(pieces.toArray(HttpRequest.BodyPublisher[]::new));
    }

    public void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            out.write(partHead(i));
            switch (parts.get(i)) {
                case Bytes b -> out.write(b.bytes());
                case FileContent f -> Files.copy(f.file(), out);
            }
        }
        out.write(closing());
    }

    private byte[] partHead(int i) {
        StringBuilder sb = new StringBuilder();
        // Every delimiter but the first starts with the line break that ends the previous part.
        sb.append(i == 0 ? "--" : "\r\n--").append(boundary).append("\r\n");
        partHeaders.get(i).forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] closing() {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
