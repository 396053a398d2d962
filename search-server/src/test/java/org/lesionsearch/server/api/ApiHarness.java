package org.lesionsearch.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.server.api.json.ApiJson;

/** A real API server on a random loopback port over a real Lucene index in a directory, and an HTTP client for it. */
public final class ApiHarness implements AutoCloseable {

    /** An answer: status, headers, raw text and the body parsed as JSON (null when it is not JSON). */
    public record Reply(int status, HttpHeaders headers, String text, JsonNode json) {

        /** Sends {@code request} and reads the answer, parsed as JSON when it is JSON. */
        public static Reply exchange(HttpClient client, HttpRequest request, ObjectMapper mapper) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode json;
                try {
                    json = response.body().isEmpty() ? null : mapper.readTree(response.body());
                } catch (IOException notJson) {
                    json = null;
                }
                return new Reply(response.statusCode(), response.headers(), response.body(), json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public JsonNode at(String pointer) {
            return json.at(pointer);
        }
    }

    public final ObjectMapper mapper = ApiJson.mapper();
    private final Path dir;
    private final ServerConfig config;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LuceneLesionIndex index;
    private ApiServer server;

    private ApiHarness(Path dir, ServerConfig config) {
        this.dir = dir;
        this.config = config;
        open();
    }

    public static ApiHarness start(Path dir) {
        return start(dir, ServerConfig.defaults().withPort(0));
    }

    public static ApiHarness start(Path dir, ServerConfig config) {
        return new ApiHarness(dir, config);
    }

    private void open() {
        index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults());
        server = ApiServer.create(ApiContext.of(config, index)).start();
    }

    /** Stops the server and closes the index, then opens both again on the same directory. */
    public void restart() {
        close();
        open();
    }

    public LuceneLesionIndex index() {
        return index;
    }

    public ApiServer server() {
        return server;
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Reply postJson(String path, Object body) {
        try {
            return post(path, mapper.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return Reply.exchange(client, request.build(), mapper);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            index.close();
        }
    }
}
