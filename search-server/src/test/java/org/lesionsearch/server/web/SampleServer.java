package org.lesionsearch.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.json.ApiJson;

/** A real server on a random loopback port over a given context, with a plain HTTP client for it. */
public final class SampleServer implements AutoCloseable {

    /** An answer: status, headers, raw bytes and the body as JSON when it is JSON. */
    public record Reply(int status, HttpHeaders headers, byte[] body, JsonNode json) {

        public JsonNode at(String pointer) {
            return json.at(pointer);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper MAPPER = ApiJson.mapper();

    private final ApiServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SampleServer(ApiContext context) {
        this.server = ApiServer.create(context).start();
    }

    public URI base() {
        return server.baseUri();
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base().resolve(path)).GET());
    }

    public Reply post(String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") ? MAPPER.readTree(response.body()) : null;
            return new Reply(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
