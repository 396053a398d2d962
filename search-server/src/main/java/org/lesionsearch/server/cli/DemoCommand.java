package org.lesionsearch.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.lucene.util.IOUtils;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.pipeline.IngestSummary;
import org.lesionsearch.models.inference.EncoderOptions;
import org.lesionsearch.models.inference.LesionEncoder;
import org.lesionsearch.models.inference.ModelBundles;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.bench.WorkloadGenerator;
import org.lesionsearch.server.demo.DemoIndexBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lesion-search demo}: builds the demo index on first use (a synthetic cohort plus the real
 * DeepLesion sample slices, through the shipped models) and serves the search page over it. The
 * synthetic lesions are generated, never clinical data.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Serves the search page over a demo index. On the first run it generates a synthetic longitudinal"
                + " CT cohort (not clinical data) into ./data/demo/cohort, adds the real DeepLesion sample slices when"
                + " they are found (../shared/data/deeplesion, or --deeplesion DIR), and indexes everything with the"
                + " model into ./data/demo/index, thumbnails included; later runs reuse the index, and an interrupted"
                + " first run resumes.",
            "With --lesions N it instead fills the index with N generated lesions with random vectors and no images,"
                + " for trying the API without the models.",
            "Listens on http://127.0.0.1:7070 by default and prints the address; Ctrl-C stops it."},
        footer = {"", "Examples:",
            "  lesion-search demo",
            "  lesion-search demo --port 8080 --patients 100",
            "  lesion-search demo --deeplesion /data/DeepLesion --index /tmp/demo/index --cohort /tmp/demo/cohort",
            "  lesion-search demo --model models/trained      # a bundle from 'lesion-search train'",
            "  lesion-search demo --index /tmp/api-demo --lesions 10000 --port 0",
            "", "Then open http://127.0.0.1:7070/ in a browser, or: curl http://127.0.0.1:7070/api/health"})
public final class DemoCommand implements Callable<Integer> {

    static final String SHARED_PROPERTY = "lesionsearch.shared";

    @Spec
    CommandSpec spec;

    @Option(names = "--index", defaultValue = "data/demo/index", paramLabel = "DIR",
            description = "Index directory (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--cohort", defaultValue = "data/demo/cohort", paramLabel = "DIR",
            description = "Where the synthetic cohort is generated (default: ${DEFAULT-VALUE}).")
    Path cohort;

    @Option(names = "--patients", defaultValue = "40", paramLabel = "N",
            description = "Synthetic patients, about 3 studies and 15 measured lesions each (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--deeplesion", paramLabel = "DIR",
            description = "A DeepLesion folder (DL_info*.csv + Images_png) whose slices are added (default: the real sample"
                    + " in ../shared/data/deeplesion when it is there).")
    Path deeplesion;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model bundle folder (default: the weights shipped with this build).")
    Path model;

    @Option(names = "--threads", paramLabel = "N", description = "Generation and decode threads (default: the number of CPUs).")
    Integer threads;

    @Option(names = "--lesions", paramLabel = "N",
            description = "Instead: fill an empty index with N generated lesions (random clustered vectors, Zipf-distributed"
                    + " labels, no images, no model).")
    Integer lesions;

    @Option(names = "--seed", defaultValue = "20180618", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            config = server.config();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (lesions != null && lesions < 1) {
            err.println("error: --lesions must be at least 1, was " + lesions);
            return 2;
        }
        if (patients < 1) {
            err.println("error: --patients must be at least 1, was " + patients);
            return 2;
        }
        LesionIndex opened;
        try {
            opened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults());
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        ApiContext context = ApiContext.of(config, opened).withThumbnailRoot(index);
        try {
            if (lesions != null) {
                fillWithVectors(opened);
            } else {
                LesionEncoder encoder;
                try {
                    encoder = cohortIndex(opened, out, err);
                } catch (BuiltByOtherModel stale) {
                    // the demo owns its index: vectors of another model cannot be searched with this one
                    out.printf("the demo index in %s holds vectors of model %s, not %s: rebuilding it%n",
                            index.toAbsolutePath(), stale.built, stale.encoder.model());
                    stale.encoder.close();
                    opened.close();
                    IOUtils.rm(index);
                    opened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults());
                    context = ApiContext.of(config, opened).withThumbnailRoot(index);
                    encoder = cohortIndex(opened, out, err);
                }
                context = context.withEncoder(encoder);
            }
            printExamples(opened, config, out);
        } catch (ModelUnavailable e) {
            opened.close();
            err.println("demo: cannot load the model: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            if (context.encoder() != null) {
                context.encoder().close();
            }
            opened.close();
            err.println("error: " + e.getMessage());
            return 1;
        }
        return ForegroundServer.run(context, out, err);
    }

    /** The vector-only demo: generated lesions, written once. */
    private void fillWithVectors(LesionIndex target) {
        PrintWriter out = spec.commandLine().getOut();
        long existing = target.count(Filter.all());
        if (existing > 0) {
            out.printf("reusing %,d lesions in %s%n", existing, index.toAbsolutePath());
            return;
        }
        out.printf("generating %,d synthetic lesions into %s ...%n", lesions, index.toAbsolutePath());
        out.flush();
        long written = new WorkloadGenerator().writeInto(target, lesions, seed);
        out.printf("indexed %,d lesions%n", written);
    }

    /** The demo index holds vectors of another model than the one loaded (an older demo, say). */
    private static final class BuiltByOtherModel extends RuntimeException {
        final transient ModelInfo built;
        final transient LesionEncoder encoder;

        BuiltByOtherModel(ModelInfo built, LesionEncoder encoder) {
            super("the index was built by model " + built + ", not " + encoder.model(), null, false, false);
            this.built = built;
            this.encoder = encoder;
        }
    }

    /** The model cannot be loaded, and the index still needs it. */
    private static final class ModelUnavailable extends Exception {
        ModelUnavailable(String message) {
            super(message);
        }
    }

    /**
     * The full demo: loads the model, builds the index when it is not complete yet, and returns the
     * model for search by example ({@code null} when a complete index is served without it).
     */
    private LesionEncoder cohortIndex(LesionIndex target, PrintWriter out, PrintWriter err)
            throws IOException, ModelUnavailable {
        boolean complete = DemoIndexBuilder.isComplete(index) && target.count(Filter.all()) > 0;
        LesionEncoder encoder;
        try {
            encoder = model == null ? ModelBundles.openDemo() : ModelBundles.open(model, EncoderOptions.defaults());
        } catch (IOException | RuntimeException e) {
            if (complete) {
                err.println("warning: cannot load the model (" + e.getMessage() + "); search by an uploaded example is off");
                out.printf("reusing %,d lesions in %s%n", target.count(Filter.all()), index.toAbsolutePath());
                return null;
            }
            throw new ModelUnavailable(e.getMessage());
        }
        Optional<ModelInfo> built = target.model();
        if (built.isPresent() && !built.get().equals(encoder.model())) {
            throw new BuiltByOtherModel(built.get(), encoder);
        }
        if (complete) {
            out.printf("reusing %,d lesions in %s%n", target.count(Filter.all()), index.toAbsolutePath());
            return encoder;
        }
        Path sample = realSample(err);
        int workers = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        out.printf("building the demo index in %s: %d synthetic patients (not clinical data)%s, model %s%n",
                index.toAbsolutePath(), patients, sample == null ? "" : " and the DeepLesion slices in " + sample,
                encoder.model());
        out.flush();
        boolean terminal = System.console() != null;
        SynthCommand.ProgressBar synthBar = new SynthCommand.ProgressBar(err, terminal);
        IngestProgressBar ingestBar = new IngestProgressBar(err, terminal);
        DemoIndexBuilder.Report report;
        try {
            report = new DemoIndexBuilder(encoder, LesionOntology.lesaNet(),
                    new DemoIndexBuilder.Options(patients, seed, cohort, sample, workers))
                    .build(target, index, synthBar::update, ingestBar);
        } catch (IOException | RuntimeException e) {
            synthBar.finish();
            ingestBar.finish();
            encoder.close();
            throw e;
        }
        synthBar.finish();
        ingestBar.finish();
        if (report.generated() != null) {
            out.printf(Locale.ROOT, "generated %d patients, %d studies, %d measured lesions in %.1f s into %s%n",
                    report.generated().patients(), report.generated().studies(), report.generated().measuredLesions(),
                    report.generated().seconds(), cohort.toAbsolutePath());
        }
        for (IngestSummary s : report.ingests()) {
            out.printf(Locale.ROOT, "indexed %,d lesions from %s in %.1f s (%,d already there, %,d rejected: %s)%n", s.indexed(),
                    s.source(), s.elapsed().toMillis() / 1000.0, s.alreadyIndexed(), s.rejected(), s.rejectsFile());
        }
        out.printf("%,d lesions in the index%n", target.count(Filter.all()));
        return encoder;
    }

    /** The real DeepLesion slices: the folder given, or the project's shared sample when it is there. */
    private Path realSample(PrintWriter err) {
        if (deeplesion != null) {
            return deeplesion;
        }
        String shared = System.getProperty(SHARED_PROPERTY);
        Path candidate = (shared != null ? Path.of(shared) : Path.of("..", "shared")).resolve("data").resolve("deeplesion");
        if (Files.isDirectory(candidate.resolve("Images_png"))) {
            return candidate.toAbsolutePath().normalize();
        }
        err.println("note: no DeepLesion sample at " + candidate.toAbsolutePath().normalize()
                + "; only synthetic lesions are indexed (add real ones with --deeplesion DIR)");
        return null;
    }

    /** A few requests to try, with ids from this index (demo data, so printing them is harmless). */
    private static void printExamples(LesionIndex index, ServerConfig config, PrintWriter out) {
        List<Lesion> some = index.search(SearchRequest.byFilter(Filter.all(), 1)).hits().stream().map(h -> h.lesion()).toList();
        if (some.isEmpty()) {
            return;
        }
        Lesion l = some.getFirst();
        String base = "http://" + config.host() + ":" + (config.port() == 0 ? "PORT" : config.port());
        out.println("open " + base + "/ in a browser, or try:");
        out.println("  curl " + base + "/api/health");
        out.println("  curl '" + base + "/api/search?q=liver+size:10..30mm&k=5'");
        out.println("  curl " + base + "/api/lesions/" + l.id());
        out.println("  curl '" + base + "/api/lesions/" + l.id() + "/similar?k=5'");
        out.println("  curl " + base + "/api/patients/" + l.patientId() + "/tracks");
        out.flush();
    }
}
