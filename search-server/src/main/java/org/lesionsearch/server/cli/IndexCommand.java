package org.lesionsearch.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lesionsearch.core.index.IndexException;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.elasticsearch.ElasticsearchLesionIndex;
import org.lesionsearch.indexer.pipeline.IngestOptions;
import org.lesionsearch.indexer.pipeline.IngestPipeline;
import org.lesionsearch.indexer.pipeline.IngestSummary;
import org.lesionsearch.indexer.pipeline.ProgressListener;
import org.lesionsearch.indexer.source.LesionSource;
import org.lesionsearch.indexer.source.LesionSources;
import org.lesionsearch.models.inference.EncoderOptions;
import org.lesionsearch.models.inference.LesionEncoder;
import org.lesionsearch.models.inference.ModelBundles;
import org.lesionsearch.server.audit.AuditLog;
import org.lesionsearch.server.backend.LesionIndexFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search index}: lesions from where they live, through the models, into an index. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Indexes measured lesions from a DeepLesion folder (DL_info.csv + Images_png), a DICOM folder"
                + " (CT series with a measurements.csv/json sidecar or TID 1500 SR reports) or a PACS over DICOMweb:"
                + " slices are decoded and cut into patches in parallel, encoded by the model in batches and written"
                + " to the index in committed batches, with a thumbnail per lesion in DIR/thumbnails.",
            "A rerun skips what the index already holds, so an interrupted run resumes and nothing is written twice."
                + " Every rejected lesion is listed with its file and reason in DIR/ingest-rejects.jsonl while the rest"
                + " goes on. Exit code 0 when lesions were indexed (or all were already), 1 when nothing could be"
                + " indexed, 2 when the index, the source or the model cannot be used.",
            "With --backend elasticsearch the lesions go to the cluster (DIR still holds thumbnails and the rejects"
                + " report); --reindex then fills a new index generation and swaps it in behind the alias in one step"
                + " when the run succeeds, so that searches never see a half-built index."},
        footer = {"", "Examples:",
            "  lesion-search index --source deeplesion:/data/DeepLesion --index data/index",
            "  lesion-search index --source dicom:/data/ct-export --index data/index --threads 2",
            "  lesion-search index --source dicomweb:http://127.0.0.1:8042/dicom-web --index data/index",
            "  lesion-search index --source deeplesion:../shared/data/deeplesion --index /tmp/idx --model models/trained --json",
            "  lesion-search index --source deeplesion:/data/DeepLesion --index data/work --backend elasticsearch --es-index lesions",
            "  lesion-search index --source deeplesion:/data/DeepLesion --index data/work --backend elasticsearch --reindex"})
public final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "KIND:WHERE",
            description = "Where the lesions are: deeplesion:DIR, dicom:DIR or dicomweb:URL.")
    String source;

    @Option(names = "--index", required = true, paramLabel = "DIR",
            description = "Index directory (created when missing); with --backend elasticsearch, the folder for thumbnails"
                    + " and the rejects report.")
    Path index;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    WriteAuditOptions audit = new WriteAuditOptions();

    @Option(names = "--reindex",
            description = "Elasticsearch: index into a new generation and swap it in behind the alias at the end.")
    boolean reindex;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model bundle folder (model.json and weights); default: the weights shipped with this build.")
    Path model;

    @Option(names = "--threads", paramLabel = "N", description = "Decode workers (default: the number of CPUs).")
    Integer threads;

    @Option(names = "--encode-batch", defaultValue = "32", description = "Lesions per model call (default: ${DEFAULT-VALUE}).")
    int encodeBatch;

    @Option(names = "--write-batch", defaultValue = "256",
            description = "Lesions per committed index write (default: ${DEFAULT-VALUE}).")
    int writeBatch;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Rejects report (default: DIR/ingest-rejects.jsonl).")
    Path rejects;

    @Option(names = "--no-thumbnails", description = "Do not write thumbnails.")
    boolean noThumbnails;

    @Option(names = "--show-rejected", defaultValue = "20", description = "Rejections to list in the summary (default: ${DEFAULT-VALUE}).")
    int showRejected;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    @Option(names = "--json", description = "Print the summary as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IngestOptions options;
        try {
            IngestOptions defaults = IngestOptions.forIndex(index);
            options = new IngestOptions(threads == null ? defaults.decodeThreads() : threads, encodeBatch, writeBatch,
                    noThumbnails ? null : defaults.thumbnailDir(), rejects == null ? defaults.rejectsFile() : rejects);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        LesionIndexFactory target;
        try {
            target = backend.factory(index, reindex);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        LesionEncoder encoder;
        try {
            encoder = model == null ? ModelBundles.openDemo() : ModelBundles.open(model, EncoderOptions.defaults());
        } catch (IOException | RuntimeException e) {
            err.println("index: cannot load the model: " + e.getMessage());
            return 2;
        }
        IngestSummary summary;
        String swapped = null;
        IngestProgressBar bar = noProgress ? null : new IngestProgressBar(err, System.console() != null);
        try (encoder; AuditLog auditLog = audit.open(); LesionIndex opened = target.open()) {
            // a first commit, so that the folder is an index before the source or the pipeline put files in it
            opened.commit();
            try (LesionSource lesions = LesionSources.open(source, index)) {
                summary = new IngestPipeline(encoder, WriteAuditOptions.audited(opened, auditLog, "index"), options, bar == null ? ProgressListener.NONE : bar).run(lesions);
            } catch (IOException | RuntimeException e) {
                if (opened instanceof ElasticsearchLesionIndex generation && reindex) {
                    generation.discardGeneration();
                }
                throw e;
            }
            if (opened instanceof ElasticsearchLesionIndex generation && reindex) {
                swapped = swapIn(generation, summary);
            }
        } catch (IllegalArgumentException e) {
            finish(bar);
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            finish(bar);
            err.println("index: " + e.getMessage());
            return 2;
        } catch (IndexException | IllegalStateException e) {
            finish(bar);
            if (StorageFull.causedBy(e)) {
                err.println("index: stopped because the disk is full or a file size limit was reached (" + e.getMessage()
                        + "). The index keeps every batch committed before; free space and run the same command again"
                        + " to resume.");
            } else {
                err.println("index: the index cannot be used: " + e.getMessage());
            }
            return 2;
        }
        finish(bar);
        if (swapped != null) {
            err.println(swapped);
            err.flush();
        }
        if (json) {
            IngestSummaryReport.json(summary, out);
        } else {
            IngestSummaryReport.table(summary, out, Math.max(0, showRejected));
        }
        return summary.nothingIndexed() ? 1 : 0;
    }

    /** Publishes a re-indexed generation, or drops it when the run indexed nothing; says which. */
    private static String swapIn(ElasticsearchLesionIndex generation, IngestSummary summary) {
        String alias = generation.options().name();
        if (summary.nothingIndexed()) {
            generation.discardGeneration();
            return "index: nothing was indexed; the alias '" + alias + "' still points at the previous generation";
        }
        List<String> replaced = generation.publish();
        return "index: the alias '" + alias + "' now points at " + generation.generation()
                + (replaced.isEmpty() ? "" : " (replaced and deleted " + String.join(", ", replaced) + ")");
    }

    private static void finish(IngestProgressBar bar) {
        if (bar != null) {
            bar.finish();
        }
    }
}
