package org.lesionsearch.indexer.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Orthanc with its DICOMweb plugin, started for a test on 127.0.0.1 with free HTTP and
 * DICOM ports and its storage in a throw-away folder, and stopped by {@link #close()}.
 *
 * <p>Needs the Debian packages {@code orthanc} and {@code orthanc-dicomweb}; tests call
 * {@link #assumeInstalled()} to skip with a clear message when the Orthanc binary is absent.
 * Uploads go through Orthanc's REST API ({@link #upload}) or a real C-STORE ({@link #storescu}).
 */
public final class OrthancServer implements AutoCloseable {

    private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/Orthanc"), Path.of("/usr/bin/Orthanc"));
    private static final List<Path> PLUGINS = List.of(
            Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so"),
            Path.of("/usr/lib/orthanc/libOrthancDicomWeb.so"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path dir;
    private final int httpPort;
    private final int dicomPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OrthancServer(Process process, Path dir, int httpPort, int dicomPort) {
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
    }

    /** The Orthanc binary, when installed. */
    public static Optional<Path> binary() {
        for (Path p : BINARIES) {
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(":")) {
                Path p = Path.of(d, "Orthanc");
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test when Orthanc is not installed. */
    public static void assumeInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(binary().isPresent(),
                "Orthanc is not installed: install the Debian packages orthanc and orthanc-dicomweb (dev/setup --tests)");
    }

    /** The DICOMweb plugin: its Debian path, else whatever {@code dpkg -L orthanc-dicomweb} lists. */
    public static Path dicomWebPlugin() {
        for (Path p : PLUGINS) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        try {
            Process dpkg = new ProcessBuilder("dpkg", "-L", "orthanc-dicomweb").redirectErrorStream(true).start();
            String listing = new String(dpkg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dpkg.waitFor(10, TimeUnit.SECONDS);
            return listing.lines().map(String::trim).filter(l -> l.matches(".*/libOrthancDicomWeb\\.so[.0-9]*"))
                    .map(Path::of).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "Orthanc is installed but its DICOMweb plugin is not: install the Debian package orthanc-dicomweb"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot find the Orthanc DICOMweb plugin (is orthanc-dicomweb installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts Orthanc with its configuration, storage and log in {@code workDir}. */
    public static OrthancServer start(Path workDir) throws IOException {
        return start(workDir, Map.of());
    }

    /**
     * Starts Orthanc knowing other DICOMweb servers by name, so that it can push studies to
     * them ({@link #stowTo}).
     */
    public static OrthancServer start(Path workDir, Map<String, URI> dicomWebPeers) throws IOException {
        Path binary = binary().orElseThrow(() -> new IllegalStateException("Orthanc is not installed"));
        Path plugin = dicomWebPlugin();
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int httpPort = freePort();
            int dicomPort = freePort();
            Path dir = Files.createDirectories(workDir.resolve("orthanc-" + httpPort));
            Path config = dir.resolve("orthanc.json");
            Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config(dir, plugin, httpPort, dicomPort, dicomWebPeers)));
            Process process = new ProcessBuilder(binary.toString(), config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("orthanc.log").toFile())
                    .start();
            OrthancServer server = new OrthancServer(process, dir, httpPort, dicomPort);
            try {
                server.awaitReady();
                return server;
            } catch (IOException e) {
                server.close();
                last = e; // most likely a port taken between picking and binding: try others
            }
        }
        throw last;
    }

    private static ObjectNode config(Path dir, Path plugin, int httpPort, int dicomPort, Map<String, URI> peers) {
        ObjectNode c = JSON.createObjectNode();
        c.put("Name", "lesion-search-test");
        c.put("StorageDirectory", dir.resolve("storage").toString());
        c.put("IndexDirectory", dir.resolve("storage").toString());
        c.put("HttpServerEnabled", true);
        c.put("HttpPort", httpPort);
        c.put("DicomServerEnabled", true);
        c.put("DicomPort", dicomPort);
        c.put("DicomAet", "ORTHANC");
        c.put("RemoteAccessAllowed", false);
        c.put("AuthenticationEnabled", false);
        c.put("SaveJobs", false);
        c.put("StorageCompression", false);
        c.putArray("Plugins").add(plugin.toString());
        ObjectNode web = c.putObject("DicomWeb");
        web.put("Enable", true);
        web.put("Root", "/dicom-web/");
        web.put("EnableWado", false);
        ObjectNode servers = web.putObject("Servers");
        peers.forEach((name, uri) -> servers.putArray(name).add(uri.toString()));
        return c;
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Orthanc exited with status " + process.exitValue() + " before it was ready; log:\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(restUri().resolve("/system"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Orthanc", e);
            }
            sleep(100);
        }
        throw new IOException("Orthanc did not answer /system within " + START_TIMEOUT.toSeconds() + " s; log:\n" + logTail());
    }

    /** Orthanc's REST root. */
    public URI restUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The DICOMweb service root. */
    public URI dicomWebUri() {
        return URI.create("http://127.0.0.1:" + httpPort + "/dicom-web");
    }

    public int dicomPort() {
        return dicomPort;
    }

    /** Uploads one file through the REST API ({@code POST /instances}); returns Orthanc's instance id. */
    public String upload(Path dicomFile) throws IOException {
        JsonNode answer = post("/instances", Files.readAllBytes(dicomFile));
        String status = answer.path("Status").asText();
        if (!status.equals("Success") && !status.equals("AlreadyStored")) {
            throw new IOException("Orthanc refused " + dicomFile + ": " + answer);
        }
        return answer.path("ID").asText();
    }

    /** Sends files with a real DICOM C-STORE ({@code storescu} from dcmtk). */
    public void storescu(Path... files) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("storescu", "-aet", "LESIONSEARCH", "-aec", "ORTHANC", "127.0.0.1",
                Integer.toString(dicomPort)));
        for (Path f : files) {
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("storescu failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * Pushes a study stored here to a DICOMweb peer with STOW-RS, as a PACS forwards a study,
     * and returns Orthanc's answer.
     *
     * @param studyUid the Study Instance UID
     */
    public JsonNode stowTo(String peer, String studyUid) throws IOException {
        JsonNode found = post("/tools/lookup", studyUid.getBytes(StandardCharsets.US_ASCII));
        String id = null;
        for (JsonNode hit : found) {
            if (hit.path("Type").asText().equals("Study")) {
                id = hit.path("ID").asText();
            }
        }
        if (id == null) {
            throw new IOException("Orthanc has no study " + studyUid);
        }
        String body = JSON.writeValueAsString(Map.of("Resources", List.of(id), "Synchronous", true));
        return post("/dicom-web/servers/" + peer + "/stow", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes every stored study, so a test starts empty. */
    public void deleteAll() throws IOException {
        for (JsonNode id : get("/studies")) {
            send(HttpRequest.newBuilder(restUri().resolve("/studies/" + id.asText())).DELETE().build());
        }
    }

    public JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(restUri().resolve(path)).GET().build());
    }

    private JsonNode post(String path, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(restUri().resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private JsonNode send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                throw e;
            } catch (IOException staleConnection) {
                // Orthanc closes kept-alive connections after a second; one may close just as it is reused.
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (r.statusCode() / 100 != 2) {
                throw new IOException("Orthanc answered " + r.statusCode() + " to " + request.method() + " " + request.uri() + ": "
                        + r.body() + "\nOrthanc log:\n" + logTail());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public String logTail() {
        try (Stream<String> lines = Files.lines(dir.resolve("orthanc.log"), StandardCharsets.ISO_8859_1)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    /** Stops Orthanc: SIGTERM, then a forced kill when it has not exited within ten seconds. */
    @Override
    public void close() {
        http.close();
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
