package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.indexer.synth.output.GroundTruthFiles;

/**
 * {@code lesion-search demo} as a user runs it, in a child JVM: the first run generates a cohort,
 * indexes it and the real DeepLesion sample through the model and serves the page; the second run
 * reuses the index.
 */
class DemoProcessTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    private ChildCommand start(String... args) throws IOException {
        ChildCommand child = ChildCommand.start("1g", args);
        started.add(child.process());
        return child;
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFirstRunBuildsTheIndexFromACohortAndTheRealSampleAndTheSecondReusesIt() throws Exception {
        Path model = TinyModelBundle.write(dir.resolve("model"));
        Path index = dir.resolve("demo/index"), cohort = dir.resolve("demo/cohort");
        String[] args = {"demo", "--index", index.toString(), "--cohort", cohort.toString(), "--patients", "1",
            "--model", model.toString(), "--deeplesion", SharedTestData.deepLesion().toString(), "--threads", "2", "--port", "0"};

        ChildCommand first = start(args);
        first.await(Pattern.compile("building the demo index .*1 synthetic patients"));
        first.await(Pattern.compile("indexed 24 lesions from deeplesion:"));
        String base = first.await(ChildCommand.LISTENING).group(1);
        long measured = GroundTruthFiles.readLesions(cohort.resolve(GroundTruthFiles.LESIONS)).size();
        HttpResponse<String> health = get(base + "/api/health");
        assertThat(health.body()).contains("\"lesions\":" + (measured + 24));
        HttpResponse<String> page = get(base + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Lesion Search</title>");
        assertThat(first.seen()).anyMatch(l -> l.contains("open http://127.0.0.1:PORT/ in a browser"));
        first.process().destroy();
        assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(index.resolve("demo-complete.txt")).isRegularFile();

        ChildCommand second = start(args);
        second.await(Pattern.compile("reusing " + (measured + 24) + " lesions"));
        String again = second.await(ChildCommand.LISTENING).group(1);
        assertThat(second.seen()).noneMatch(l -> l.contains("building the demo index"));
        // the model is loaded again, so search by example works on the reused index
        byte[] slice = Files.readAllBytes(SharedTestData.deepLesion().resolve("Images_png/000069_02_01/058.png"));
        HttpResponse<String> example = http.send(HttpRequest.newBuilder(URI.create(again + "/api/example-search?k=3&box=200,200,240,240"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(slice)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(example.statusCode()).as(example.body()).isEqualTo(200);
        second.process().destroy();
        assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anIndexOfAnotherModelIsRebuiltWithTheModelLoaded() throws Exception {
        Path index = dir.resolve("demo/index"), cohort = dir.resolve("demo/cohort");
        ChildCommand vectors = start("demo", "--index", index.toString(), "--lesions", "50", "--port", "0");
        vectors.await(Pattern.compile("indexed 50 lesions"));
        vectors.await(ChildCommand.LISTENING);
        vectors.process().destroy();
        assertThat(vectors.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

        Path model = TinyModelBundle.write(dir.resolve("model"));
        ChildCommand rebuilt = start("demo", "--index", index.toString(), "--cohort", cohort.toString(), "--patients", "1",
                "--model", model.toString(), "--deeplesion", SharedTestData.deepLesion().toString(), "--threads", "2", "--port", "0");
        rebuilt.await(Pattern.compile("holds vectors of model bench-vectors@1, not tiny-untrained-test-model@0.*: rebuilding it"));
        String base = rebuilt.await(ChildCommand.LISTENING).group(1);
        long measured = GroundTruthFiles.readLesions(cohort.resolve(GroundTruthFiles.LESIONS)).size();
        assertThat(get(base + "/api/health").body()).contains("\"lesions\":" + (measured + 24));
        rebuilt.process().destroy();
        assertThat(rebuilt.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void withoutModelWeightsTheDemoSaysWhatIsMissing() throws Exception {
        ChildCommand run = start("demo", "--index", dir.resolve("i").toString(), "--cohort", dir.resolve("c").toString(),
                "--model", dir.resolve("no-model").toString(), "--port", "0");
        run.await(Pattern.compile("demo: cannot load the model: .*model.json is missing"));
        assertThat(run.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process().exitValue()).isEqualTo(2);
    }
}
