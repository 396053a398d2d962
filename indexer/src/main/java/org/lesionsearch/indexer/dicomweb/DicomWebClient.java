package org.lesionsearch.indexer.dicomweb;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOMweb client over {@link HttpClient}: QIDO-RS searches (paged), WADO-RS retrieval of
 * whole series as multipart/related application/dicom, and STOW-RS storage. Every call has
 * a connect, response and idle time-out, and is retried with bounded exponential back-off on
 * time-outs, network errors, 408, 429 and 5xx; other 4xx answers fail at once.
 */
public final class DicomWebClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DicomWebClient.class);
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final String DICOM_JSON = "application/dicom+json";
    private static final String DICOM_MULTIPART = "multipart/related; type=\"application/dicom\"";
    /** Most QIDO-RS pages read before a server that ignores {@code offset} is suspected. */
    private static final int MAX_PAGES = 100_000;

    private final DicomWebConfig config;
    private final HttpClient http;
    private final ScheduledExecutorService watchdog;
    private final ObjectMapper json = new ObjectMapper();

    public DicomWebClient(DicomWebConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dicomweb-idle-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    public DicomWebConfig config() {
        return config;
    }

    /** Studies matching the query, every page of them, each study once. */
    public List<StudyRef> searchStudies(StudyQuery query) {
        Map<String, StudyRef> byUid = new LinkedHashMap<>();
        List<String> modalities = query.modalities().isEmpty() ? Collections.singletonList(null)
                : query.modalities().stream().sorted().toList();
        for (String modality : modalities) {
            Map<String, String> params = new LinkedHashMap<>(query.parameters(modality));
            params.put("includefield", DicomJsonObject.NUMBER_OF_STUDY_RELATED_SERIES);
            for (DicomJsonObject o : searchAllPages("/studies", params)) {
                StudyRef study = StudyRef.of(o);
                byUid.putIfAbsent(study.studyUid(), study);
            }
        }
        return List.copyOf(byUid.values());
    }

    /** The series of one study. */
    public List<SeriesRef> searchSeries(String studyUid) {
        String path = "/studies/" + uid(studyUid, "Study Instance UID") + "/series";
        return searchAllPages(path, Map.of()).stream().map(o -> SeriesRef.of(studyUid, o)).toList();
    }

    /** The instances of one series. */
    public List<InstanceRef> searchInstances(String studyUid, String seriesUid) {
        String path = "/studies/" + uid(studyUid, "Study Instance UID") + "/series/" + uid(seriesUid, "Series Instance UID")
                + "/instances";
        return searchAllPages(path, Map.of()).stream().map(o -> InstanceRef.of(studyUid, seriesUid, o)).toList();
    }

    /**
     * Retrieves every instance of a series (WADO-RS) into {@code dir} as
     * {@code part-NNNNN.dcm} files, streaming one part at a time. A failed attempt removes
     * what it wrote before the retry.
     *
     * @return the files written, in the order the server sent them
     */
    public List<Path> retrieveSeries(String studyUid, String seriesUid, Path dir) {
        String path = "/studies/" + uid(studyUid, "Study Instance UID") + "/series/" + uid(seriesUid, "Series Instance UID");
        URI uri = URI.create(config.root() + path);
        return withRetries("WADO-RS " + path, uri, DICOM_MULTIPART, null, (status, headers, body) -> {
            List<Path> written = new ArrayList<>();
            try {
                readDicomParts(uri, headers, body, dir, written);
                return written;
            } catch (IOException | RuntimeException e) {
                for (Path p : written) {
                    Files.deleteIfExists(p);
                }
                throw e;
            }
        });
    }

    /** Retrieves one instance (WADO-RS). */
    public byte[] retrieveInstance(String studyUid, String seriesUid, String sopInstanceUid) {
        String path = "/studies/" + uid(studyUid, "Study Instance UID") + "/series/" + uid(seriesUid, "Series Instance UID")
                + "/instances/" + uid(sopInstanceUid, "SOP Instance UID");
        URI uri = URI.create(config.root() + path);
        return withRetries("WADO-RS " + path, uri, DICOM_MULTIPART, null, (status, headers, body) -> {
            ContentType type = contentType(uri, headers);
            try (MultipartReader reader = MultipartReader.of(body, type)) {
                MultipartReader.Part part = reader.next()
                        .orElseThrow(() -> new DicomWebException("WADO-RS " + uri + " answered no instance"));
                return part.readAll(config.maxInstanceBytes());
            }
        });
    }

    /** Stores instances (STOW-RS {@code POST /studies}) and reads the server's answer. */
    public StowResponse store(MultipartBody body) {
        URI uri = URI.create(config.root() + "/studies");
        return withRetries("STOW-RS /studies", uri, DICOM_JSON, body, (status, headers, in) -> {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return new StowResponse(null, List.of(), List.of());
            }
            return StowResponse.fromDicomJson(parseJson(uri, bytes));
        }, Set.of(200, 202, 409));
    }

    private void readDicomParts(URI uri, HttpHeaders headers, InputStream body, Path dir, List<Path> written)
            throws IOException {
        ContentType type = contentType(uri, headers);
        Files.createDirectories(dir);
        try (MultipartReader reader = MultipartReader.of(body, type)) {
            Optional<MultipartReader.Part> next;
            while ((next = reader.next()).isPresent()) {
                MultipartReader.Part part = next.get();
                ContentType partType = part.contentType(new ContentType(type.parameter("type").orElse("application/dicom"), Map.of()));
                if (!partType.is("application/dicom")) {
                    throw new DicomWebException("WADO-RS " + uri + " part " + part.number() + " is " + partType.mediaType()
                            + ", not application/dicom");
                }
                Path file = dir.resolve(String.format("part-%05d.dcm", part.number()));
                written.add(file);
                try (OutputStream out = Files.newOutputStream(file)) {
                    copyBounded(part, out);
                }
            }
        }
    }

    private void copyBounded(MultipartReader.Part part, OutputStream out) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = part.body().read(chunk)) >= 0) {
            total += n;
            if (total > config.maxInstanceBytes()) {
                throw new MultipartReader.PartTooLargeException(part.number(), config.maxInstanceBytes());
            }
            out.write(chunk, 0, n);
        }
    }

    private List<DicomJsonObject> searchAllPages(String path, Map<String, String> params) {
        List<DicomJsonObject> all = new ArrayList<>();
        Set<String> seenPages = new HashSet<>();
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> paged = new LinkedHashMap<>(params);
            paged.put("limit", Integer.toString(config.pageSize()));
            paged.put("offset", Integer.toString(offset));
            URI uri = URI.create(config.root() + path + "?" + query(paged));
            List<DicomJsonObject> items = withRetries("QIDO-RS " + path, uri, DICOM_JSON, null, (status, headers, body) -> {
                if (status == 204) {
                    return List.of();
                }
                JsonNode root = parseJson(uri, body.readAllBytes());
                if (!root.isArray()) {
                    throw new DicomWebException("QIDO-RS " + uri + " answered JSON that is not an array");
                }
                List<DicomJsonObject> out = new ArrayList<>();
                for (JsonNode item : root) {
                    out.add(new DicomJsonObject(item));
                }
                return out;
            });
            // A server that ignores offset answers the same page again: stop rather than loop.
            if (!items.isEmpty() && !seenPages.add(items.getFirst().node().toString())) {
                return all;
            }
            all.addAll(items);
            if (items.size() < config.pageSize()) {
                return all;
            }
            offset += items.size();
        }
        throw new DicomWebException("QIDO-RS " + path + " returned more than " + MAX_PAGES + " pages");
    }

    private JsonNode parseJson(URI uri, byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            throw new DicomWebException("answer of " + uri + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DicomWebException("answer of " + uri + " is unreadable: " + e.getMessage());
        }
    }

    private static ContentType contentType(URI uri, HttpHeaders headers) {
        String header = headers.firstValue("Content-Type")
                .orElseThrow(() -> new DicomWebException("WADO-RS " + uri + " answered without a Content-Type"));
        try {
            return ContentType.parse(header);
        } catch (IllegalArgumentException e) {
            throw new DicomWebException("WADO-RS " + uri + ": " + e.getMessage());
        }
    }

    /** Reads an accepted answer; the body stream is guarded by the idle time-out. */
    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(int status, HttpHeaders headers, InputStream body) throws IOException;
    }

    private <T> T withRetries(String what, URI uri, String accept, MultipartBody body, ResponseReader<T> reader) {
        return withRetries(what, uri, accept, body, reader, Set.of(200, 204));
    }

    private <T> T withRetries(String what, URI uri, String accept, MultipartBody body, ResponseReader<T> reader,
            Set<Integer> okStatuses) {
        RetryPolicy retry = config.retry();
        String lastFailure = null;
        int lastStatus = 0;
        Throwable lastCause = null;
        Duration serverDelay = null;
        boolean staleConnectionRetried = false;
        boolean resendAtOnce = false;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1 && !resendAtOnce) {
                Duration delay = retry.delayBefore(attempt);
                if (serverDelay != null && serverDelay.compareTo(delay) > 0) {
                    delay = serverDelay.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : serverDelay;
                }
                log.warn("{} failed ({}); attempt {} of {} in {} ms", what, lastFailure, attempt, retry.maxAttempts(), delay.toMillis());
                sleep(delay);
            }
            serverDelay = null;
            resendAtOnce = false;
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.responseTimeout()).header("Accept", accept);
            if (body != null) {
                request.header("Content-Type", body.contentType().format()).POST(body.publisher());
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                lastFailure = "no answer within " + config.responseTimeout().toMillis() + " ms";
                lastStatus = 0;
                lastCause = e;
                continue;
            } catch (ConnectException e) {
                lastFailure = describe(e);
                lastStatus = 0;
                lastCause = e;
                continue;
            } catch (IOException e) {
                lastFailure = describe(e);
                lastStatus = 0;
                lastCause = e;
                if (!staleConnectionRetried) {
                    // A kept-alive connection the server closed just as it was reused (Orthanc keeps them
                    // one second): send again at once, as browsers do, without spending an attempt.
                    staleConnectionRetried = true;
                    resendAtOnce = true;
                    attempt--;
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DicomWebException(what + " was interrupted", 0, e);
            }
            int status = response.statusCode();
            try (InputStream in = new IdleTimeoutInputStream(response.body(), config.idleTimeout(), watchdog)) {
                if (!okStatuses.contains(status)) {
                    String snippet = snippet(in);
                    lastStatus = status;
                    lastCause = null;
                    lastFailure = "HTTP " + status + (snippet.isEmpty() ? "" : ": " + snippet);
                    if (retryable(status)) {
                        serverDelay = retryAfter(response);
                        continue;
                    }
                    throw new DicomWebException(what + " at " + uri + " failed with " + lastFailure, status, null);
                }
                return reader.read(status, response.headers(), in);
            } catch (MultipartReader.PartTooLargeException e) {
                throw new DicomWebException(what + " at " + uri + ": " + e.getMessage(), status, e);
            } catch (HttpTimeoutException e) {
                lastFailure = e.getMessage();
                lastStatus = status;
                lastCause = e;
            } catch (IOException e) {
                lastFailure = describe(e);
                lastStatus = status;
                lastCause = e;
            } catch (MalformedMultipartException e) {
                throw new DicomWebException(what + " at " + uri + ": " + e.getMessage(), status, e);
            }
        }
        throw new DicomWebException(what + " at " + uri + " failed after " + retry.maxAttempts() + " attempt"
                + (retry.maxAttempts() == 1 ? "" : "s") + ": " + lastFailure, lastStatus, lastCause);
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                long seconds = Long.parseLong(v.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: fall back to our own back-off
            }
        }).orElse(null);
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    private static String snippet(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(200);
            return new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DicomWebException("interrupted while waiting to retry", 0, e);
        }
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Checks a UID before it goes into a URL path. */
    static String uid(String value, String what) {
        if (value == null || value.length() > 64 || !UID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a DICOM UID");
        }
        return value;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close();
    }
}
