package org.lesionsearch.indexer.dicomweb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of STOW-RS: reads a multipart/related request of application/dicom parts,
 * stages every part on disk, and only when the whole body has arrived intact checks each
 * instance and stores it in the {@link DicomInstanceStore} (the inbox the pipeline indexes).
 * A body that is malformed, cut off or over the size limit stores nothing.
 *
 * <p>Instance-level problems do not fail the request: they become items of the answer's
 * Failed SOP Sequence while the other instances are stored.
 */
public final class StowReceiver {

    private static final Logger log = LoggerFactory.getLogger(StowReceiver.class);
    public static final int MAX_PARTS = 100_000;

    private final DicomInstanceStore store;
    private final long maxBodyBytes;

    public StowReceiver(DicomInstanceStore store, long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("STOW-RS body limit must be positive, was " + maxBodyBytes);
        }
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public DicomInstanceStore store() {
        return store;
    }

    /**
     * Receives one STOW-RS request.
     *
     * @param contentType the request's Content-Type header
     * @param contentLength the declared body length, or -1 when unknown (chunked)
     * @param requiredStudyUid the study of {@code POST /studies/{study}}, or {@code null}
     * @throws StowRequestException when the request as a whole is refused (400, 413, 415)
     */
    public StowResponse receive(InputStream body, String contentType, long contentLength, String requiredStudyUid)
            throws IOException {
        if (requiredStudyUid != null && !DicomInstanceStore.validUid(requiredStudyUid)) {
            throw new StowRequestException(400, "study '" + requiredStudyUid + "' in the path is not a DICOM UID");
        }
        ContentType type = requestType(contentType);
        if (contentLength > maxBodyBytes) {
            throw tooLarge();
        }
        List<Staged> staged = new ArrayList<>();
        try {
            readParts(new CountingInputStream(body), type, staged);
            if (staged.isEmpty()) {
                throw new StowRequestException(400, "the request holds no DICOM instance");
            }
            return storeAll(staged, requiredStudyUid);
        } finally {
            for (Staged s : staged) {
                if (s.file() != null) {
                    Files.deleteIfExists(s.file());
                }
            }
        }
    }

    private static ContentType requestType(String header) {
        ContentType type;
        try {
            type = ContentType.parse(header);
        } catch (IllegalArgumentException e) {
            throw new StowRequestException(415, e.getMessage() + "; STOW-RS takes multipart/related; type=\"application/dicom\"");
        }
        if (!type.is("multipart/related")) {
            throw new StowRequestException(415, "Content-Type " + type.mediaType()
                    + " is not accepted; STOW-RS takes multipart/related; type=\"application/dicom\"");
        }
        Optional<String> related = type.parameter("type");
        if (related.isPresent() && !related.get().equalsIgnoreCase("application/dicom")) {
            throw new StowRequestException(415, "multipart/related of " + related.get()
                    + " is not accepted; only application/dicom instances (PS3.10 files) are");
        }
        if (type.parameter("boundary").isEmpty()) {
            throw new StowRequestException(400, "multipart/related Content-Type has no boundary parameter");
        }
        return type;
    }

    /** A part on disk, or a part refused before it was read (wrong type). */
    private record Staged(int part, Path file, String refusal) {}

    private void readParts(InputStream body, ContentType type, List<Staged> staged) {
        ContentType dicom = new ContentType("application/dicom", java.util.Map.of());
        try (MultipartReader reader = MultipartReader.of(body, type)) {
            Optional<MultipartReader.Part> next;
            while ((next = reader.next()).isPresent()) {
                MultipartReader.Part part = next.get();
                if (part.number() > MAX_PARTS) {
                    throw new StowRequestException(413, "the request holds more than " + MAX_PARTS + " instances");
                }
                ContentType partType;
                try {
                    partType = part.contentType(dicom);
                } catch (IllegalArgumentException e) {
                    staged.add(new Staged(part.number(), null, "part " + part.number() + ": " + e.getMessage()));
                    continue;
                }
                if (!partType.is("application/dicom")) {
                    staged.add(new Staged(part.number(), null, "part " + part.number() + " is " + partType.mediaType()
                            + ", not application/dicom"));
                    continue;
                }
                Path file = stagingFile();
                staged.add(new Staged(part.number(), file, null));
                copy(part, file);
            }
        } catch (MalformedMultipartException e) {
            throw new StowRequestException(400, "malformed multipart body: " + e.getMessage());
        } catch (IOException e) {
            throw new StowRequestException(400, "the request body could not be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private Path stagingFile() {
        try {
            return store.newStagingFile();
        } catch (IOException e) {
            throw new StowRequestException(503, "the inbox cannot take instances now: " + e.getMessage());
        }
    }

    /** Copies a part to its staging file, telling a body that broke off from a disk that failed. */
    private static void copy(MultipartReader.Part part, Path file) {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                int n;
                try {
                    n = part.body().read(chunk);
                } catch (IOException e) {
                    throw new StowRequestException(400, "the request body broke off in part " + part.number() + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
                if (n < 0) {
                    return;
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new StowRequestException(503, "the inbox cannot take instances now: " + e.getMessage());
        }
    }

    private StowResponse storeAll(List<Staged> staged, String requiredStudyUid) {
        List<StowResponse.Stored> stored = new ArrayList<>();
        List<StowResponse.Failed> failed = new ArrayList<>();
        for (Staged s : staged) {
            if (s.file() == null) {
                failed.add(new StowResponse.Failed(null, null, StowResponse.CANNOT_UNDERSTAND, s.refusal(), s.part()));
                continue;
            }
            switch (store.accept(s.file(), requiredStudyUid)) {
                case DicomInstanceStore.Outcome.Stored ok -> stored.add(
                        new StowResponse.Stored(ok.header().sopClassUid(), ok.header().sopInstanceUid(), null));
                case DicomInstanceStore.Outcome.Refused no -> failed.add(new StowResponse.Failed(
                        no.header() == null || no.header().sopClassUid().isEmpty() ? null : no.header().sopClassUid(),
                        no.header() == null || no.header().sopInstanceUid().isEmpty() ? null : no.header().sopInstanceUid(),
                        no.failureReason(), no.header() == null ? "part " + s.part() + ": " + no.reason() : no.reason(), s.part()));
            }
        }
        if (!failed.isEmpty()) {
            log.info("STOW-RS: stored {} instances, refused {}", stored.size(), failed.size());
        }
        return new StowResponse(null, stored, failed);
    }

    private StowRequestException tooLarge() {
        return new StowRequestException(413, "the STOW-RS body is larger than the server's limit of " + maxBodyBytes
                + " bytes; send the study in several requests");
    }

    /** Fails the read as soon as the body passes the limit, whatever Content-Length said. */
    private final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > maxBodyBytes) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > maxBodyBytes) {
                throw tooLarge();
            }
            return n;
        }
    }

    /** A STOW-RS request refused as a whole, with its HTTP status. */
    public static final class StowRequestException extends RuntimeException {
        private final int status;

        public StowRequestException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
