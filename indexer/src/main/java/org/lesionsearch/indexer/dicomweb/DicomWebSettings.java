package org.lesionsearch.indexer.dicomweb;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * How to ingest from a PACS, as the command line names it: {@code dicomweb:URL}, where the
 * crawl keeps its instance store and state, which studies to take, and how patiently to wait.
 * {@link #open()} builds the client, store, state and crawler from it.
 *
 * @param baseUri the DICOMweb service root, e.g. {@code http://pacs:8042/dicom-web}
 * @param workDir where {@value #INSTANCES} and {@value #STATE_FILE} live
 * @param from first study date to take, or {@code null}
 * @param to last study date to take, or {@code null}
 * @param rescan list every matching study again instead of starting at the state's watermark
 * @param timeout time-out of one PACS call (connect, answer, and silence while a body streams)
 * @param attempts attempts per PACS call before the study or series is reported as failed
 */
public record DicomWebSettings(URI baseUri, Path workDir, LocalDate from, LocalDate to, boolean rescan, Duration timeout,
        int attempts) {

    public static final String PREFIX = "dicomweb:";
    public static final String INSTANCES = "instances";
    public static final String STATE_FILE = "crawl-state.json";

    public DicomWebSettings {
        // DicomWebConfig checks the URL and the time-out; fail here, before anything is created.
        DicomWebConfig.of(baseUri).withTimeouts(timeout, timeout, timeout);
        if (workDir == null) {
            throw new IllegalArgumentException("a working folder for the PACS crawl is missing");
        }
        new StudyQuery(from, to, Set.of());
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    /**
     * Settings for a source spec {@code dicomweb:http://host:port/root}, with the crawl's
     * folder under {@code indexDir} (one per PACS) and the default patience: 60 s per call,
     * 4 attempts.
     *
     * @throws IllegalArgumentException naming what is wrong with the spec
     */
    public static DicomWebSettings forSource(String spec, Path indexDir) {
        URI uri = parse(spec);
        return new DicomWebSettings(uri, indexDir.resolve("dicomweb").resolve(folderName(uri)), null, null, false,
                Duration.ofSeconds(60), RetryPolicy.defaults().maxAttempts());
    }

    /** The URL of a {@code dicomweb:URL} spec. */
    public static URI parse(String spec) {
        if (spec == null || !spec.startsWith(PREFIX)) {
            throw new IllegalArgumentException("source '" + spec + "' does not start with " + PREFIX);
        }
        String url = spec.substring(PREFIX.length());
        try {
            URI uri = new URI(url);
            DicomWebConfig.of(uri);
            if (uri.getUserInfo() != null) {
                throw new IllegalArgumentException("the dicomweb: source URL carries credentials (user:password@host);"
                        + " they would end up in logs and state files");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("source '" + spec + "' is not a URL: " + e.getReason());
        }
    }

    /** A folder name for one PACS: host, port and root path, with anything odd replaced. */
    static String folderName(URI uri) {
        String name = uri.getHost() + "_" + (uri.getPort() < 0 ? uri.getScheme() : Integer.toString(uri.getPort()))
                + (uri.getPath() == null ? "" : uri.getPath());
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_").replaceAll("_+$", "");
    }

    public DicomWebSettings withDates(LocalDate first, LocalDate last) {
        return new DicomWebSettings(baseUri, workDir, first, last, rescan, timeout, attempts);
    }

    public DicomWebSettings withRescan(boolean all) {
        return new DicomWebSettings(baseUri, workDir, from, to, all, timeout, attempts);
    }

    public DicomWebSettings withPatience(Duration callTimeout, int callAttempts) {
        return new DicomWebSettings(baseUri, workDir, from, to, rescan, callTimeout, callAttempts);
    }

    public DicomWebSettings withWorkDir(Path dir) {
        return new DicomWebSettings(baseUri, dir, from, to, rescan, timeout, attempts);
    }

    public Path instancesDir() {
        return workDir.resolve(INSTANCES);
    }

    public Path stateFile() {
        return workDir.resolve(STATE_FILE);
    }

    public DicomWebConfig clientConfig() {
        RetryPolicy base = RetryPolicy.defaults();
        return DicomWebConfig.of(baseUri).withTimeouts(timeout, timeout, timeout)
                .withRetry(new RetryPolicy(attempts, base.initialDelay(), base.multiplier(), base.maxDelay()));
    }

    /** CT studies in the date range; their CT series and SR measurement documents. */
    public DicomWebCrawler.Options crawlOptions() {
        return new DicomWebCrawler.Options(new StudyQuery(from, to, Set.of("CT")), Set.of("CT", "SR"), rescan);
    }

    /**
     * Creates the client, the instance store and the crawler over the saved state.
     *
     * @throws IllegalArgumentException when the state file is unreadable or belongs to another PACS
     * @throws java.io.IOException when the working folder cannot be created
     */
    public Crawl open() throws java.io.IOException {
        DicomInstanceStore store = new DicomInstanceStore(instancesDir());
        CrawlState state = CrawlState.load(stateFile(), clientConfig().baseUri());
        DicomWebClient client = new DicomWebClient(clientConfig());
        return new Crawl(client, store, new DicomWebCrawler(client, store, state), crawlOptions());
    }

    /** An opened crawl; closing it closes the client. */
    public record Crawl(DicomWebClient client, DicomInstanceStore store, DicomWebCrawler crawler,
            DicomWebCrawler.Options options) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}
