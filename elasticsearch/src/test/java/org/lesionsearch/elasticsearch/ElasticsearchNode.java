package org.lesionsearch.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node Elasticsearch for tests: the Maven artifact
 * {@code org.elasticsearch.distribution.integ-test-zip} unpacked under {@code target/} by the
 * build, started once per test run on 127.0.0.1 with free ports, security off, and stopped when
 * the run ends. Elasticsearch refuses to run as root, so as root the node runs as the system user
 * {@value #USER}, created when missing.
 *
 * <p>Register with {@code @RegisterExtension static final ElasticsearchNode NODE = new ElasticsearchNode();}
 * and call {@link #url()} once the class has started.
 */
public final class ElasticsearchNode implements BeforeAllCallback {

    static final String USER = "elasticsearch";
    private static final String HOME_PROPERTY = "lesionsearch.elasticsearch.home";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String PID_FILE = "node.pid";
    /** The test JVM that started a node: while it lives, the node is in use. */
    private static final String OWNER_FILE = "owner.pid";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ElasticsearchNode.class);

    private Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("node", key -> Running.start(), Running.class);
    }

    /** The node's HTTP address. */
    public URI url() {
        if (running == null) {
            throw new IllegalStateException("the Elasticsearch node starts before the test class; register the extension statically");
        }
        return running.url;
    }

    /** A started node; closing it (at the end of the test run) stops the process and removes its data. */
    static final class Running implements AutoCloseable {
        final URI url;
        private final Process process;
        private final Path data;

        private Running(URI url, Process process, Path data) {
            this.url = url;
            this.process = process;
            this.data = data;
        }

        static Running start() {
            Path home = home();
            try {
                Path work = Files.createDirectories(home.getParent().resolve("nodes"));
                stopLeftovers(work, home);
                Path data = Files.createTempDirectory(work, "node-");
                Files.writeString(data.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
                Path log = data.resolve("console.log");
                int http = freePort(), transport = freePort();
                boolean root = isRoot();
                if (root) {
                    ensureUser();
                    run(List.of("chown", "-R", USER, home.toString(), data.toString()));
                }
                List<String> command = new ArrayList<>();
                if (root) {
                    command.addAll(List.of("runuser", "-u", USER, "--"));
                }
                command.addAll(List.of(home.resolve("bin/elasticsearch").toString(),
                        "-E", "discovery.type=single-node",
                        "-E", "xpack.security.enabled=false",
                        "-E", "xpack.ml.enabled=false",
                        "-E", "network.host=127.0.0.1",
                        "-E", "http.port=" + http,
                        "-E", "transport.port=" + transport,
                        "-E", "path.data=" + data.resolve("data"),
                        "-E", "path.logs=" + data.resolve("logs"),
                        "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                        "-E", "action.destructive_requires_name=false",
                        "-p", data.resolve(PID_FILE).toString()));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                Map<String, String> env = builder.environment();
                env.put("ES_JAVA_HOME", System.getProperty("java.home"));
                env.put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
                env.remove("JAVA_TOOL_OPTIONS");
                Process process = builder.start();
                URI url = URI.create("http://127.0.0.1:" + http);
                Running running = new Running(url, process, data);
                Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "elasticsearch-node-stop"));
                try {
                    running.awaitHealth(log);
                } catch (RuntimeException e) {
                    running.close();
                    throw e;
                }
                return running;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start Elasticsearch from " + home + ": " + e.getMessage(), e);
            }
        }

        private void awaitHealth(Path log) throws IOException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(url.resolve("/_cluster/health?wait_for_status=yellow&timeout=2s"))
                    .timeout(Duration.ofSeconds(10)).build();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue() + " while starting:\n"
                            + tail(log));
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
                }
                sleep(500);
            }
            throw new IllegalStateException("Elasticsearch did not become healthy within " + START_TIMEOUT + ":\n" + tail(log));
        }

        @Override
        public void close() {
            stop();
            deleteRecursively(data);
        }

        /** SIGTERM to the launcher and the server it started, then SIGKILL to what is left after 30 s. */
        private synchronized void stop() {
            if (!process.isAlive()) {
                return;
            }
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                sleep(200);
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Stops nodes that an earlier test run started from this home and could not stop (its JVM was
     * killed), found by their pid files, and removes their data.
     */
    private static void stopLeftovers(Path work, Path home) throws IOException {
        try (var dirs = Files.list(work)) {
            for (Path dir : dirs.toList()) {
                if (ownerAlive(dir)) {
                    continue; // another test run is using it
                }
                Path pidFile = dir.resolve(PID_FILE);
                if (Files.isRegularFile(pidFile)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                            .filter(p -> p.info().commandLine().map(c -> c.contains(home.toString())).orElse(false))
                            .ifPresent(p -> {
                                p.destroy();
                                p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
                            });
                }
                deleteRecursively(dir);
            }
        } catch (NumberFormatException e) {
            // a pid file half written: nothing to stop
        }
    }

    private static boolean ownerAlive(Path dir) {
        try {
            long owner = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).strip());
            return ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static Path home() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property == null) {
            throw new IllegalStateException("system property " + HOME_PROPERTY + " is not set; run the tests through Maven,"
                    + " which unpacks Elasticsearch under elasticsearch/target/");
        }
        Path home = Path.of(property).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("no Elasticsearch at " + home + "; run 'mvn -pl elasticsearch process-test-resources'"
                    + " to unpack it");
        }
        return home;
    }

    private static boolean isRoot() throws IOException {
        return "0".equals(output(List.of("id", "-u")).strip());
    }

    private static void ensureUser() throws IOException {
        if (new ProcessBuilder("id", "-u", USER).redirectErrorStream(true).start().onExit().join().exitValue() != 0) {
            run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER));
        }
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.onExit().join().exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static String output(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.onExit().join();
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is under target/
        }
    }
}
