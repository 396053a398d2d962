package org.lesionsearch.server.bench.query;

import org.lesionsearch.server.bench.Latencies;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchHit;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.query.QueryCompiler;
import org.lesionsearch.query.QueryParser;
import org.lesionsearch.query.ranking.HybridRanker;
import org.lesionsearch.query.ranking.RankedResult;
import org.lesionsearch.query.ranking.RankingOptions;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;

/**
 * Times the query language: parse and plan per typical query, and whole searches per query class
 * through {@code GET /api/search?q=} on a real server on the loopback interface, beside the same
 * searches in process and a plain lesion fetch over HTTP.
 */
public final class QueryBench {

    /** Queries people type: words, fields, boolean structure, an example lesion. */
    public static final List<String> TYPICAL_QUERIES = List.of(
            "liver",
            "hypodense liver lesion",
            "cavitary nodule right upper lobe",
            "lung nodule size:>10mm -calcified",
            "(kidney OR adrenal) cyst size:5..30mm",
            "part:\"left lower lobe\" attr:spiculated age:50..80 sex:F",
            "lymph node size:>=1.5cm NOT necrosis sort:size_desc",
            "similar:000004_02_01_013_1 liver k:20");

    private final LesionIndex index;
    private final int queries;
    private final int warmup;
    private final PrintStream progress;

    public QueryBench(LesionIndex index, int queries, int warmup, PrintStream progress) {
        this.index = index;
        this.queries = queries;
        this.warmup = warmup;
        this.progress = progress;
    }

    public QueryBenchFigures run(long seed) throws IOException, InterruptedException {
        List<QueryBenchFigures.ParseRow> parsing = parsing();
        List<String> examples = exampleIds(seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<QueryClass> classes = List.of(
                new QueryClass("words", i -> "hypodense liver lesion"),
                new QueryClass("words + size", i -> "lung nodule size:>10mm"),
                new QueryClass("words OR, NOT", i -> "(liver OR kidney) mass -cyst"),
                new QueryClass("similar:", i -> "similar:" + examples.get(random.nextInt(examples.size()))),
                new QueryClass("similar: + words", i -> "similar:" + examples.get(random.nextInt(examples.size())) + " lung"),
                new QueryClass("grouped by patient", i -> "lymph node"));
        List<QueryBenchFigures.SearchRow> rows = new ArrayList<>();
        ApiContext context = ApiContext.of(ServerConfig.defaults().withPort(0), index);
        HybridRanker ranker = new HybridRanker(index, context.vocabulary(), RankingOptions.defaults());
        QueryCompiler compiler = new QueryCompiler(context.ontology());
        try (ApiServer server = ApiServer.create(context).start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = server.baseUri();
            for (QueryClass c : classes) {
                progress.println("timing " + c.name + " ...");
                boolean grouped = c.name.startsWith("grouped");
                Latencies inProcess = new Latencies(queries), http = new Latencies(queries);
                long hits = 0, total = 0;
                for (int i = 0; i < warmup + queries; i++) {
                    String q = c.query.apply(i);
                    long t0 = System.nanoTime();
                    RankedResult r = ranker.search(compiler.compile(q), 0, grouped ? 200 : 10, false);
                    long t1 = System.nanoTime();
                    String uri = base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                            + (grouped ? "&groupBy=patient" : "");
                    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long t2 = System.nanoTime();
                    if (response.statusCode() != 200) {
                        throw new IOException("GET " + uri + " answered " + response.statusCode() + ": "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    if (i >= warmup) {
                        inProcess.add(t1 - t0);
                        http.add(t2 - t1);
                        hits += r.hits().size();
                        total += r.totalMatches();
                    }
                }
                rows.add(new QueryBenchFigures.SearchRow(c.name, c.query.apply(0), inProcess.percentileMs(50), inProcess.percentileMs(99),
                        http.percentileMs(50), http.percentileMs(99), (double) hits / queries, (double) total / queries));
            }
            rows.add(fetchBaseline(client, base, examples));
        }
        return new QueryBenchFigures(index.stats().lesions(), queries, parsing, rows);
    }

    private List<QueryBenchFigures.ParseRow> parsing() {
        QueryCompiler compiler = new QueryCompiler(LesionOntology.lesaNet());
        int rounds = queries;
        List<QueryBenchFigures.ParseRow> rows = new ArrayList<>();
        for (String q : TYPICAL_QUERIES) {
            Latencies parse = new Latencies(rounds), plan = new Latencies(rounds);
            for (int i = 0; i < warmup + rounds; i++) {
                long t0 = System.nanoTime();
                QueryParser.parse(q);
                long t1 = System.nanoTime();
                compiler.compile(q);
                long t2 = System.nanoTime();
                if (i >= warmup) {
                    parse.add(t1 - t0);
                    plan.add(t2 - t1);
                }
            }
            rows.add(new QueryBenchFigures.ParseRow(q, parse.percentileMs(50), parse.percentileMs(99), plan.percentileMs(50), plan.percentileMs(99)));
        }
        return rows;
    }

    /** The floor of HTTP: fetching one lesion by id. */
    private QueryBenchFigures.SearchRow fetchBaseline(HttpClient client, URI base, List<String> examples)
            throws IOException, InterruptedException {
        progress.println("timing GET /api/lesions/{id} ...");
        Latencies http = new Latencies(queries);
        for (int i = 0; i < warmup + queries; i++) {
            String id = examples.get(i % examples.size());
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/lesions/" + URLEncoder.encode(id, StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IOException("GET /api/lesions/" + id + " answered " + r.statusCode());
            }
            if (i >= warmup) {
                http.add(t1 - t0);
            }
        }
        return new QueryBenchFigures.SearchRow("baseline: GET /api/lesions/{id}", "(one lesion, no search)",
                Double.NaN, Double.NaN, http.percentileMs(50), http.percentileMs(99), 1, 1);
    }

    /** Ids of indexed lesions with embeddings, spread over the index, to use as examples. */
    private List<String> exampleIds(long seed) {
        long n = index.stats().lesions();
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20 && ids.size() < 500; i++) {
            int offset = (int) Math.max(0, Math.min(n - 25, random.nextLong(Math.max(1, n))));
            for (SearchHit h : index.search(SearchRequest.byFilter(Filter.all(), 25).withPage(25, offset)).hits()) {
                if (h.lesion().embedding() != null) {
                    ids.add(h.lesion().id().value());
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the index holds no lesion with an embedding to use as an example");
        }
        return ids;
    }

    private record QueryClass(String name, Function<Integer, String> query) {
    }
}
