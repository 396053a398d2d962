package org.lesionsearch.elasticsearch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP gateway on 127.0.0.1 in front of a real Elasticsearch node, as a load balancer would
 * be: it passes every request through, except that it sheds the first bulk requests with HTTP
 * 429 the way an overloaded cluster does, and it records how many bulk requests were in flight at
 * once.
 */
final class ThrottlingGateway implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final AtomicInteger bulksToShed;
    private final AtomicInteger bulksInFlight = new AtomicInteger();
    final AtomicInteger maxBulksInFlight = new AtomicInteger();
    final AtomicInteger bulksShed = new AtomicInteger();
    final AtomicInteger bulksPassed = new AtomicInteger();
    /** How long a passed bulk request is held before it goes upstream, so that concurrency shows. */
    private final long bulkDelayMillis;

    ThrottlingGateway(URI upstream, int bulksToShed, long bulkDelayMillis) throws IOException {
        this.upstream = upstream;
        this.bulksToShed = new AtomicInteger(bulksToShed);
        this.bulkDelayMillis = bulkDelayMillis;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean bulk = exchange.getRequestURI().getPath().endsWith("/_bulk");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (bulk && bulksToShed.getAndDecrement() > 0) {
                bulksShed.incrementAndGet();
                byte[] error = ("{\"error\":{\"root_cause\":[],\"type\":\"es_rejected_execution_exception\","
                        + "\"reason\":\"rejected by the gateway: too many requests\"},\"status\":429}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
                exchange.sendResponseHeaders(429, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            if (bulk) {
                maxBulksInFlight.accumulateAndGet(bulksInFlight.incrementAndGet(), Math::max);
                bulksPassed.incrementAndGet();
            }
            try {
                if (bulk && bulkDelayMillis > 0) {
                    Thread.sleep(bulkDelayMillis);
                }
                forward(exchange, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } finally {
                if (bulk) {
                    bulksInFlight.decrementAndGet();
                }
            }
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] answer = response.body();
        boolean empty = answer.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
