package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.server.api.json.ApiJson;

/**
 * {@code serve} and {@code demo} as real processes: what the API committed survives {@code kill -9},
 * SIGTERM closes the index cleanly, and a second {@code demo} reuses the first one's index.
 */
class ServerProcessTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = ApiJson.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();

    private ChildCommand start(String... args) throws IOException {
        ChildCommand child = ChildCommand.start("512m", args);
        started.add(child.process());
        return child;
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String base, String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return mapper.readTree(response.body());
    }

    @Test
    void whatTheApiCommittedSurvivesKillDashNineAndSigtermClosesTheIndexCleanly() throws Exception {
        Path index = dir.resolve("index");
        ChildCommand first = start("serve", "--index", index.toString(), "--port", "0");
        String base = first.await(ChildCommand.LISTENING).group(1);

        List<Lesion> lesions = new TestLesions(31).cohort(50, 5);
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base + "/api/lesions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(lesions))));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(mapper.readTree(posted.body()).get("written").asInt()).isEqualTo(50);
        Lesion deleted = lesions.get(7);
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/lesions/" + deleted.id())).DELETE()).statusCode()).isEqualTo(200);

        first.process().destroyForcibly();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        ChildCommand second = start("serve", "--index", index.toString(), "--port", "0");
        String again = second.await(ChildCommand.LISTENING).group(1);
        assertThat(get(again, "/api/health", 200).get("lesions").asLong()).isEqualTo(49);
        for (Lesion l : List.of(lesions.getFirst(), lesions.get(20), lesions.getLast())) {
            assertThat(mapper.treeToValue(get(again, "/api/lesions/" + l.id(), 200), Lesion.class)).isEqualTo(l);
        }
        get(again, "/api/lesions/" + deleted.id(), 404);

        second.process().destroy(); // SIGTERM: the shutdown hook stops the server and closes the index
        assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (LuceneLesionIndex reopened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults())) {
            assertThat(reopened.count(Filter.all())).isEqualTo(49);
        }
    }

    @Test
    void demoFillsAnEmptyIndexOnceAndReusesItAfterwards() throws Exception {
        Path index = dir.resolve("demo-index");
        ChildCommand first = start("demo", "--index", index.toString(), "--lesions", "300", "--port", "0");
        first.await(Pattern.compile("generating 300 synthetic lesions"));
        String base = first.await(ChildCommand.LISTENING).group(1);
        JsonNode health = get(base, "/api/health", 200);
        assertThat(health.get("lesions").asLong()).isEqualTo(300);
        assertThat(health.at("/model/name").asText()).isEqualTo("bench-vectors");
        String anId = first.seen().stream().map(Pattern.compile("/api/lesions/([^/\\s']+)/similar")::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
        assertThat(get(base, "/api/lesions/" + anId + "/similar?k=5", 200).get("hits")).hasSize(5);
        first.process().destroy();
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        ChildCommand second = start("demo", "--index", index.toString(), "--lesions", "300", "--port", "0");
        second.await(Pattern.compile("reusing 300 lesions"));
        String again = second.await(ChildCommand.LISTENING).group(1);
        assertThat(get(again, "/api/health", 200).get("lesions").asLong()).isEqualTo(300);
    }
}
