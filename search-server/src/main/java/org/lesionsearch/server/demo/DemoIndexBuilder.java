package org.lesionsearch.server.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.pipeline.IngestOptions;
import org.lesionsearch.indexer.pipeline.IngestPipeline;
import org.lesionsearch.indexer.pipeline.IngestSummary;
import org.lesionsearch.indexer.pipeline.ProgressListener;
import org.lesionsearch.indexer.source.DeepLesionSource;
import org.lesionsearch.indexer.synth.CohortGenerator;
import org.lesionsearch.indexer.synth.CohortSummary;
import org.lesionsearch.indexer.synth.SynthOptions;
import org.lesionsearch.models.inference.LesionEncoder;
import org.lesionsearch.models.text.ReportLabelMiner;

/**
 * Fills the demo's index: a synthetic longitudinal cohort (generated once, never clinical data)
 * and the real DeepLesion sample slices, both through the ingestion pipeline and the model, with
 * thumbnails beside the index; then the cohort's study dates and report labels. Every step
 * resumes: the cohort is reused when complete, and the pipeline skips what the index holds.
 */
public final class DemoIndexBuilder {

    /** Written into the index folder once everything is in, so that the next run just serves. */
    public static final String COMPLETE_MARKER = "demo-complete.txt";

    /**
     * @param patients synthetic patients (about 3 studies and 15 measured lesions each)
     * @param cohort where the synthetic DeepLesion folder goes
     * @param realSample a DeepLesion folder with real slices, or {@code null}
     * @param threads decode and generation threads
     */
    public record Options(int patients, long seed, Path cohort, Path realSample, int threads) {
    }

    /** What a build did: the cohort it generated ({@code null} when reused) and each ingest's account. */
    public record Report(CohortSummary generated, List<IngestSummary> ingests, int enriched) {
    }

    private final LesionEncoder encoder;
    private final LesionOntology ontology;
    private final Options options;

    public DemoIndexBuilder(LesionEncoder encoder, LesionOntology ontology, Options options) {
        this.encoder = encoder;
        this.ontology = ontology;
        this.options = options;
    }

    public static boolean isComplete(Path indexDir) {
        return Files.isRegularFile(indexDir.resolve(COMPLETE_MARKER));
    }

    public Report build(LesionIndex index, Path indexDir, CohortGenerator.Progress synthProgress, ProgressListener ingestProgress)
            throws IOException {
        CohortSummary generated = ensureCohort(synthProgress);
        List<IngestSummary> ingests = new ArrayList<>();
        ingests.add(ingest(index, indexDir, options.cohort(), "cohort", ingestProgress));
        if (options.realSample() != null) {
            ingests.add(ingest(index, indexDir, options.realSample(), "deeplesion", ingestProgress));
        }
        int enriched = new CohortEnrichment(new ReportLabelMiner(ontology), ontology.vocabulary()).enrich(options.cohort(), index);
        Files.writeString(indexDir.resolve(COMPLETE_MARKER), "The demo index is complete: synthetic cohort in "
                + options.cohort().toAbsolutePath() + (options.realSample() == null ? "" : ", real sample from "
                + options.realSample().toAbsolutePath()) + ", model " + encoder.model() + ".\n");
        return new Report(generated, ingests, enriched);
    }

    private IngestSummary ingest(LesionIndex index, Path indexDir, Path folder, String name, ProgressListener progress)
            throws IOException {
        IngestOptions defaults = IngestOptions.forIndex(indexDir);
        IngestOptions ingest = new IngestOptions(options.threads(), defaults.encodeBatch(), defaults.writeBatch(),
                defaults.thumbnailDir(), indexDir.resolve("ingest-rejects-" + name + ".jsonl"));
        try (DeepLesionSource source = new DeepLesionSource(folder)) {
            return new IngestPipeline(encoder, index, ingest, progress).run(source);
        }
    }

    /**
     * The cohort folder, generated when it is missing or incomplete. Generation writes into a
     * sibling folder that is moved into place at the end, so that a half-written cohort is never
     * taken for a whole one.
     */
    private CohortSummary ensureCohort(CohortGenerator.Progress progress) throws IOException {
        Path cohort = options.cohort().toAbsolutePath().normalize();
        if (Files.isRegularFile(cohort.resolve(CohortGenerator.NOTE_FILE))) {
            return null;
        }
        if (Files.exists(cohort) && !isEmptyFolder(cohort)) {
            throw new IOException(cohort + " is neither empty nor a synthetic cohort; pass another --cohort folder");
        }
        Path partial = cohort.resolveSibling(cohort.getFileName() + ".partial");
        IOUtils.rm(partial);
        Files.createDirectories(partial.getParent());
        SynthOptions synth = SynthOptions.defaults(options.patients(), options.seed()).withThreads(options.threads());
        CohortSummary summary = new CohortGenerator(synth, ontology).generate(partial, progress);
        Files.deleteIfExists(cohort);
        Files.move(partial, cohort, StandardCopyOption.ATOMIC_MOVE);
        return summary;
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
