package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.elasticsearch.ElasticsearchOptions;
import org.lesionsearch.server.bench.BenchBackend;
import org.lesionsearch.server.bench.BenchFigures;
import org.lesionsearch.server.bench.BenchRunner;
import org.lesionsearch.server.bench.BenchTable;
import org.lesionsearch.server.bench.ElasticsearchBenchBackend;
import org.lesionsearch.server.bench.LuceneBenchBackend;
import org.lesionsearch.server.bench.WorkloadGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search bench}: filtered vector search figures on a generated workload. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates a synthetic workload (seeded clusters of L2-normalised 1024-d vectors, Zipf-distributed"
                + " labels, about 22 lesions per patient), imports it into a fresh index and prints, for no filter, a ~30%%,"
                + " a ~3%% and a ~0.1%% label and a single patient: the plan used, recall@k against exact search, p50 and"
                + " p99 latency; plus import throughput, index size on disk, resident memory and heap.",
            "Plain Lucene HNSW (Lucene's filtered kNN query, without planner, oversampling or rescoring) runs on the same"
                + " index in the same process as the baseline. Progress goes to standard error.",
            "--backend elasticsearch runs the same workload through the Elasticsearch backend's own search (and"
                + " Elasticsearch's plain top-level kNN search as its baseline) on the cluster at --es-url;"
                + " --backend lucene,elasticsearch measures both in one run and prints them side by side, with their ratios."
                + " Memory figures of Elasticsearch are its nodes' (resident set when the node runs on this machine)."},
        footer = {"", "Examples:",
            "  lesion-search bench",
            "  lesion-search bench -n 20000 --queries 300",
            "  lesion-search bench --index /tmp/bench-index      (keeps the index; a second run reuses it)",
            "  lesion-search bench --exact-threshold 8000 --min-candidates 80 --json > bench.json",
            "  lesion-search bench --backend lucene,elasticsearch --es-url http://127.0.0.1:9200",
            "  lesion-search bench --backend elasticsearch -n 20000 --es-index my-bench --index /tmp/b   (keeps the ES index)"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--lesions"}, defaultValue = "100000", description = "Lesions to generate (default: ${DEFAULT-VALUE}).")
    int lesions;

    @Option(names = "--seed", defaultValue = "42", description = "Workload seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--queries", defaultValue = "1000", description = "Timed queries per filter class (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--warmup", defaultValue = "300", description = "Untimed queries per filter class first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "-k", defaultValue = "10", description = "Hits per query (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Keep the indexes under DIR (one sub-directory per backend) and reuse them when they hold the same"
                    + " number of lesions; default: a temporary directory removed afterwards.")
    Path indexDir;

    @Option(names = "--backend", defaultValue = "lucene", split = ",",
            description = "Backends to compare, comma-separated (default: ${DEFAULT-VALUE}; known: lucene, elasticsearch).")
    List<String> backends;

    @Option(names = "--es-url", defaultValue = ElasticsearchOptions.DEFAULT_URL, paramLabel = "URL",
            description = "Elasticsearch: the cluster's HTTP address (default: ${DEFAULT-VALUE}).")
    URI esUrl;

    @Option(names = "--es-index", defaultValue = "lesion-bench", paramLabel = "NAME",
            description = "Elasticsearch: the alias to import into; replaced unless --index keeps it (default: ${DEFAULT-VALUE}).")
    String esIndex;

    @Option(names = "--import-threads", description = "Threads writing batches (default: the backend's choice; lucene: 1).")
    Integer importThreads;

    @Option(names = "--batch", defaultValue = "1000", description = "Lesions per upsert (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--exact-threshold", description = "Lucene: score a segment exactly when its filter matches at most this many lesions.")
    Integer exactThreshold;

    @Option(names = "--min-candidates", description = "Lucene and Elasticsearch: graph candidates at least, before rescoring (default: each backend's own).")
    Integer minCandidates;

    @Option(names = "--oversampling", description = "Lucene and Elasticsearch: graph candidates per requested hit, before rescoring (default: each backend's own).")
    Double oversampling;

    @Option(names = "--ram-buffer-mb", defaultValue = "1024",
            description = "Lucene: indexing buffer in MB; the default holds 100,000 lesions in one segment (default: ${DEFAULT-VALUE}).")
    double ramBufferMb;

    @Option(names = "--beam-width", description = "Lucene and Elasticsearch: HNSW beam width while building the graph.")
    Integer beamWidth;

    @Option(names = "--no-merge", description = "Search the segments as imported instead of merging them into one.")
    boolean noMerge;

    @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (lesions < 1 || queries < 1 || k < 1 || batch < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "-n, --queries, -k and --batch must be at least 1 and --warmup not negative");
        }
        List<BenchBackend> selected = new ArrayList<>();
        for (String name : backends) {
            selected.add(backend(name.trim()));
        }
        BenchRunner.Settings settings = new BenchRunner.Settings(lesions, seed, queries, warmup, k, importThreads, batch,
                indexDir);
        BenchFigures figures = new BenchRunner(settings, new WorkloadGenerator(), System.err).run(selected);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        } else {
            out.print(BenchTable.render(figures));
        }
        out.flush();
        return 0;
    }

    private BenchBackend backend(String name) {
        return switch (name) {
            case "lucene" -> new LuceneBenchBackend(luceneOptions(), !noMerge);
            case "elasticsearch" -> new ElasticsearchBenchBackend(elasticsearchOptions(), !noMerge, indexDir != null);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown backend '" + name + "' (known: lucene, elasticsearch)");
        };
    }

    /** Elasticsearch's own defaults, with the graph and candidate settings given on the command line. */
    private ElasticsearchOptions elasticsearchOptions() {
        try {
            ElasticsearchOptions options = ElasticsearchOptions.defaults(esUrl, esIndex);
            if (beamWidth != null) {
                options = options.withGraph(options.maxConn(), beamWidth);
            }
            if (minCandidates != null || oversampling != null) {
                options = options.withCandidates(minCandidates == null ? options.minCandidates() : minCandidates,
                        oversampling == null ? options.oversampling() : oversampling);
            }
            return options;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private LuceneIndexOptions luceneOptions() {
        LuceneIndexOptions options = LuceneIndexOptions.defaults();
        if (exactThreshold != null) {
            options = options.withExactThreshold(exactThreshold);
        }
        if (minCandidates != null || oversampling != null) {
            options = options.withCandidates(minCandidates == null ? options.minCandidates() : minCandidates,
                    oversampling == null ? options.oversampling() : oversampling);
        }
        if (beamWidth != null) {
            options = options.withGraph(options.maxConn(), beamWidth);
        }
        return options.withRamBufferMb(ramBufferMb);
    }
}
