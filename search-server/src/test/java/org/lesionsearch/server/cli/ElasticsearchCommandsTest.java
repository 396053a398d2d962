package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.elasticsearch.ElasticsearchLesionIndex;
import org.lesionsearch.elasticsearch.ElasticsearchNode;
import org.lesionsearch.elasticsearch.ElasticsearchOptions;
import org.lesionsearch.server.api.json.ApiJson;

/** {@code serve}, {@code index}, {@code import} and {@code bench} with {@code --backend elasticsearch}, against a real node. */
class ElasticsearchCommandsTest {

    @RegisterExtension
    static final ElasticsearchNode NODE = new ElasticsearchNode();

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path tmp;

    private final ObjectMapper mapper = ApiJson.mapper();

    private static String name(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    private static ElasticsearchLesionIndex open(String name) {
        return ElasticsearchLesionIndex.open(ElasticsearchOptions.defaults(NODE.url(), name));
    }

    @Test
    void serveAnswersFromElasticsearchAndHealthReportsTheBackendAndItsState() throws Exception {
        String name = name("serve");
        List<Lesion> lesions = new TestLesions(5).cohort(30, 3);
        try (ElasticsearchLesionIndex index = open(name)) {
            index.upsert(lesions);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), LesionSearchCommand.class.getName(), "serve", "--backend",
                "elasticsearch", "--es-url", NODE.url().toString(), "--es-index", name, "--port", "0")
                .redirectErrorStream(true).start();
        try {
            String base = await(server, LISTENING).group(1);
            try (HttpClient http = HttpClient.newHttpClient()) {
                JsonNode health = mapper.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(health.get("status").asText()).isEqualTo("ok");
                assertThat(health.get("backend").asText()).isEqualTo("elasticsearch");
                assertThat(health.get("lesions").asLong()).isEqualTo(30);
                assertThat(health.get("patients").asLong()).isEqualTo(3);
                assertThat(health.at("/index/alias").asText()).isEqualTo(name);
                assertThat(health.at("/index/status").asText()).isEqualTo("green");
                assertThat(health.at("/index/index").asText()).startsWith(name + "-");

                HttpResponse<String> similar = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/lesions/" + lesions.get(4).id() + "/similar?k=5")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(similar.statusCode()).as(similar.body()).isEqualTo(200);
                assertThat(similar.body()).doesNotContain("\"" + lesions.get(4).id() + "\"");
            }
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void serveWithoutAReachableClusterFailsNamingIt() {
        CommandRun result = CommandRun.of("serve", "--backend", "elasticsearch", "--es-url", "http://127.0.0.1:1", "--port", "0");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ").contains("http://127.0.0.1:1").doesNotContain("\tat ");
        assertThat(CommandRun.of("serve", "--port", "0").err()).contains("--index DIR is required with --backend lucene");
    }

    @Test
    void indexWritesTheRealDeepLesionSampleAndAReindexSwapsInANewGeneration() throws Exception {
        Path bundle = TinyModelBundle.write(tmp.resolve("tiny-model"));
        String name = name("ingest");
        String source = "deeplesion:" + deepLesion();
        Path work = tmp.resolve("work");
        CommandRun first = CommandRun.of("index", "--source", source, "--index", work.toString(), "--model", bundle.toString(),
                "--backend", "elasticsearch", "--es-url", NODE.url().toString(), "--es-index", name, "--no-progress");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("indexed +24\n");
        String firstGeneration;
        try (ElasticsearchLesionIndex index = open(name)) {
            assertThat(index.count(Filter.all())).isEqualTo(24);
            Lesion lesion = index.get(LesionId.of("003663_01_03_237_1")).orElseThrow();
            assertThat(lesion.embedding()).hasSize(Lesion.EMBEDDING_DIM);
            assertThat(Files.exists(work.resolve(lesion.thumbnail()))).isTrue();
            firstGeneration = index.generation();
        }

        CommandRun reindex = CommandRun.of("index", "--source", source, "--index", work.toString(), "--model", bundle.toString(),
                "--backend", "elasticsearch", "--es-url", NODE.url().toString(), "--es-index", name, "--reindex",
                "--no-progress", "--json");
        assertThat(reindex.code()).as(reindex.err()).isZero();
        assertThat(mapper.readTree(reindex.out()).get("indexed").asLong()).isEqualTo(24);
        assertThat(reindex.err()).contains("the alias '" + name + "' now points at " + name + "-")
                .contains("replaced and deleted " + firstGeneration);
        try (ElasticsearchLesionIndex index = open(name)) {
            assertThat(index.generation()).isNotEqualTo(firstGeneration);
            assertThat(index.count(Filter.all())).isEqualTo(24);
        }

        CommandRun lucene = CommandRun.of("index", "--source", source, "--index", work.toString(), "--reindex");
        assertThat(lucene.code()).isEqualTo(2);
        assertThat(lucene.err()).contains("--reindex needs --backend elasticsearch");
    }

    @Test
    void importWritesJsonLinesIntoElasticsearch() throws Exception {
        String name = name("import");
        List<Lesion> lesions = new TestLesions(8).cohort(12, 2);
        Path file = tmp.resolve("lesions.jsonl");
        List<String> lines = new ArrayList<>();
        for (Lesion l : lesions) {
            lines.add(mapper.writeValueAsString(l));
        }
        lines.add("{\"id\": \"broken\"");
        Files.write(file, lines);

        CommandRun result = CommandRun.of("import", "--backend", "elasticsearch", "--es-url", NODE.url().toString(), "--es-index", name,
                "--no-progress", "--json", file.toString());

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode summary = mapper.readTree(result.out());
        assertThat(summary.get("imported").asLong()).isEqualTo(12);
        assertThat(summary.get("rejected").asLong()).isEqualTo(1);
        try (ElasticsearchLesionIndex index = open(name)) {
            assertThat(index.get(lesions.get(5).id())).contains(lesions.get(5));
        }
    }

    @Test
    void benchMeasuresBothBackendsInOneRunAndOneTable() throws Exception {
        String name = name("bench");
        CommandRun json = CommandRun.of("bench", "--backend", "lucene,elasticsearch", "--es-url", NODE.url().toString(), "--es-index", name,
                "-n", "2000", "--queries", "30", "--warmup", "5", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode engines = mapper.readTree(json.out()).get("engines");
        assertThat(engines).extracting(e -> e.get("name").asText())
                .containsExactly("lucene", "plain-hnsw", "elasticsearch", "es-plain-knn");
        JsonNode es = engines.get(2);
        assertThat(es.get("importLesionsPerSecond").asDouble()).isPositive();
        assertThat(es.get("indexBytes").asLong()).isPositive();
        assertThat(es.get("heapUsedBytes").asLong()).isPositive();
        for (JsonNode c : es.get("classes")) {
            assertThat(c.get("recallAt10").asDouble()).as("recall of %s", c.get("filterClass")).isGreaterThanOrEqualTo(0.95);
        }
        assertThat(es.get("classes").get(4).get("plan").asText()).isEqualTo("EXACT");
        // the run's index is gone afterwards
        try (ElasticsearchLesionIndex left = open(name)) {
            assertThat(left.count(Filter.all())).isZero();
            left.deleteAllGenerations();
        }

        CommandRun table = CommandRun.of("bench", "--backend", "lucene,elasticsearch", "--es-url", NODE.url().toString(), "--es-index", name,
                "-n", "1000", "--queries", "10", "--warmup", "2");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("lucene plan", "elasticsearch plan", "es-plain-knn plan", "elasticsearch / lucene",
                "p50 latency", "import throughput:", "recall@10 >= 0.99 on both:");
    }

    private static Path deepLesion() {
        String configured = System.getProperty("lesionsearch.shared");
        return Path.of(configured != null ? configured : "../../shared").resolve("data/deeplesion").toAbsolutePath();
    }

    private static Matcher await(Process process, Pattern pattern) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (String line = out.readLine(); line != null && System.nanoTime() < deadline; line = out.readLine()) {
            seen.add(line);
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                Thread pump = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException e) {
                        // the server was stopped
                    }
                });
                pump.setDaemon(true);
                pump.start();
                return m;
            }
        }
        throw new AssertionError("no line matching " + pattern + "; the process printed:\n" + String.join("\n", seen));
    }
}
