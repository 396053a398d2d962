package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.util.IOUtils;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.server.bench.WorkloadGenerator;
import org.lesionsearch.server.bench.query.QueryBench;
import org.lesionsearch.server.bench.query.QueryBenchFigures;
import org.lesionsearch.server.bench.query.QueryBenchTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search bench-query}: query language and search latency, in process and over HTTP. */
@Command(name = "bench-query", mixinStandardHelpOptions = true,
        description = {"Times the query language: parse and plan of typical queries (parsing alone beside it), and"
                + " whole searches through GET /api/search?q= on a server on 127.0.0.1, beside the same searches in"
                + " process and a plain lesion fetch over HTTP.",
            "The index is built from the benchmark workload (seeded synthetic lesions) unless --index names an"
                + " existing one."},
        footer = {"", "Examples:",
            "  lesion-search bench-query",
            "  lesion-search bench-query -n 100000 --index /tmp/bench-100k --queries 2000",
            "  lesion-search bench-query -n 20000 --json > query-bench.json"})
public final class QueryBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--lesions"}, defaultValue = "100000",
            description = "Lesions to generate into a new index (default: ${DEFAULT-VALUE}).")
    int lesions;

    @Option(names = "--seed", defaultValue = "42", description = "Workload seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Index to search; built there from the workload when it is empty or missing (default: a temporary one).")
    Path indexDir;

    @Option(names = "--queries", defaultValue = "1000", description = "Timed queries per row (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--warmup", defaultValue = "2000",
            description = "Untimed queries per row first, so that timings are of compiled code (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--json", description = "Print the figures as JSON instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintStream progress = System.err;
        if (queries < 1 || warmup < 0 || lesions < 1) {
            spec.commandLine().getErr().println("error: --queries and -n must be at least 1, --warmup at least 0");
            return 2;
        }
        Path dir = indexDir != null ? indexDir : Files.createTempDirectory("lesion-search-bench-query");
        try (LuceneLesionIndex index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            if (index.stats().lesions() == 0) {
                build(index, progress);
            } else {
                progress.printf("using the %,d lesions already in %s%n", index.stats().lesions(), dir);
            }
            QueryBenchFigures figures = new QueryBench(index, queries, warmup, progress).run(seed);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
                out.flush();
            } else {
                QueryBenchTable.print(figures, out);
            }
        } finally {
            if (indexDir == null) {
                IOUtils.rm(dir);
            }
        }
        return 0;
    }

    private void build(LuceneLesionIndex index, PrintStream progress) {
        progress.printf("generating and indexing %,d lesions ...%n", lesions);
        long start = System.nanoTime();
        new WorkloadGenerator().writeInto(index, lesions, seed);
        index.forceMerge(1);
        progress.printf("indexed in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
