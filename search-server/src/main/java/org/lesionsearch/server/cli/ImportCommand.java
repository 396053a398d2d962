package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.server.api.json.ApiJson;
import org.lesionsearch.server.audit.AuditLog;
import org.lesionsearch.server.backend.LesionIndexFactory;
import org.lesionsearch.server.importing.ImportListener;
import org.lesionsearch.server.importing.ImportSummary;
import org.lesionsearch.server.importing.JsonLinesImporter;
import org.lesionsearch.server.importing.LineRejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lesion-search import}: precomputed lesion records from JSON Lines into an index. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports precomputed lesion records (JSON Lines: one lesion object per line, the shape of"
                + " GET /api/lesions/{id}; see docs/api.md) into an index directory, or into Elasticsearch with"
                + " --backend elasticsearch, in batches.",
            "Bad lines are refused with their line number and reason and the rest goes on. Exit code 0 when at"
                + " least one lesion was imported, 1 when none could be, 2 when the input cannot be read."},
        footer = {"", "Examples:",
            "  lesion-search import --index data/index lesions.jsonl",
            "  zcat lesions.jsonl.gz | lesion-search import --index data/index -",
            "  lesion-search import --index data/index lesions.jsonl --rejected-out rejected.txt --show-rejected 0",
            "  lesion-search import --index data/index lesions.jsonl --json > summary.json",
            "  lesion-search import --backend elasticsearch --es-url http://127.0.0.1:9200 --es-index lesions lesions.jsonl"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Index directory (created when missing); required with --backend lucene.")
    Path index;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "JSON Lines file, or - for standard input.")
    String file;

    @Mixin
    WriteAuditOptions audit = new WriteAuditOptions();

    @Option(names = "--batch-size", defaultValue = "500", description = "Lesions per index write (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--commit-every", defaultValue = "10000",
            description = "Commit after this many lesions, and at the end (default: ${DEFAULT-VALUE}).")
    int commitEvery;

    @Option(names = "--show-rejected", defaultValue = "20",
            description = "Rejected lines to list in the summary (default: ${DEFAULT-VALUE}).")
    int showRejected;

    @Option(names = "--rejected-out", paramLabel = "FILE", description = "Write every rejected line number and reason to this file.")
    Path rejectedOut;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    @Option(names = "--json", description = "Print the summary as JSON on standard output.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean stdin = file.equals("-");
        Path input = stdin ? null : Path.of(file);
        if (input != null && !Files.isRegularFile(input)) {
            err.println("error: " + file + (Files.exists(input) ? " is not a regular file" : " does not exist"));
            return 2;
        }
        JsonLinesImporter.Options options;
        try {
            options = new JsonLinesImporter.Options(batchSize, commitEvery, JsonLinesImporter.Options.defaults().maxLineChars(),
                    Math.max(showRejected, 0));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        LesionIndexFactory target;
        try {
            target = backend.factory(index, false);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        ObjectMapper mapper = ApiJson.mapper();
        ImportSummary summary;
        LuceneIndexOptions indexOptions = LuceneIndexOptions.defaults();
        try (AuditLog auditLog = audit.open(); LesionIndex opened = target.open();
                BufferedWriter rejects = rejectedOut == null ? null : Files.newBufferedWriter(rejectedOut, StandardCharsets.UTF_8);
                InputStream in = stdin ? System.in : Files.newInputStream(input)) {
            ImportProgressBar bar = noProgress ? null
                    : new ImportProgressBar(err, stdin ? -1 : Files.size(input), System.console() != null);
            ImportListener listener = new ImportListener() {
                @Override
                public void progress(long records, long imported, long rejected, long bytesRead) {
                    if (bar != null) {
                        bar.progress(records, imported, rejected, bytesRead);
                    }
                }

                @Override
                public void rejected(LineRejection rejection) {
                    if (rejects != null) {
                        try {
                            rejects.write(rejection.toString());
                            rejects.newLine();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            };
            summary = new JsonLinesImporter(WriteAuditOptions.audited(opened, auditLog, "import"), mapper, indexOptions.validator(), options)
                    .importFrom(in, listener);
            if (bar != null) {
                bar.finish();
            }
        } catch (NoSuchFileException e) {
            err.println("error: " + e.getFile() + " does not exist");
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: cannot read " + (stdin ? "standard input" : file) + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        print(summary, out, stdin ? "standard input" : file, mapper);
        return summary.imported() > 0 ? 0 : 1;
    }

    private void print(ImportSummary s, PrintWriter out, String source, ObjectMapper mapper) {
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("source", source);
            figures.put("records", s.records());
            figures.put("imported", s.imported());
            figures.put("rejected", s.rejectedCount());
            figures.put("seconds", s.seconds());
            figures.put("lesionsPerSecond", Math.round(s.lesionsPerSecond()));
            figures.put("rejections", s.rejected());
            try {
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
            return;
        }
        out.printf("%-18s %s%n", "source", source);
        out.printf("%-18s %,d%n", "records", s.records());
        out.printf("%-18s %,d%n", "imported", s.imported());
        out.printf("%-18s %,d%n", "rejected", s.rejectedCount());
        out.printf("%-18s %.2f%n", "seconds", s.seconds());
        out.printf("%-18s %,.0f%n", "lesions/s", s.lesionsPerSecond());
        if (s.records() == 0) {
            out.println("nothing to import: the input holds no records");
        }
        int shown = (int) Math.min(showRejected, s.rejected().size());
        if (shown > 0) {
            out.println();
            out.println("rejected lines:");
            s.rejected().stream().limit(shown).forEach(r -> out.println("  " + r));
            if (s.rejectedCount() > shown) {
                out.println("  ... and " + (s.rejectedCount() - shown) + " more"
                        + (rejectedOut == null ? " (--rejected-out FILE lists them all)" : " (all listed in " + rejectedOut + ")"));
            }
        }
        out.flush();
    }
}
