package org.lesionsearch.indexer.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.synth.output.CohortSink;
import org.lesionsearch.indexer.synth.output.DeepLesionWriter;
import org.lesionsearch.indexer.synth.output.DicomCohortWriter;
import org.lesionsearch.indexer.synth.output.GroundTruthFiles;
import org.lesionsearch.indexer.synth.output.GroundTruthRecord;
import org.lesionsearch.indexer.synth.output.StudyRecord;
import org.lesionsearch.indexer.synth.output.Uids;
import org.lesionsearch.indexer.synth.study.StudyPlanner;

/**
 * Generates a synthetic longitudinal CT cohort into a folder: images in DeepLesion or DICOM
 * layout, the ground truth ({@code ground_truth.jsonl}, {@code studies.jsonl}) and a note that
 * the data is synthetic. Patients are generated in parallel; every patient draws only from its
 * own seeds, so the files are the same whatever the thread count.
 */
public final class CohortGenerator {

    public static final String NOTE_FILE = "SYNTHETIC_DATA.txt";

    /** Told, on the calling thread, after each patient. */
    @FunctionalInterface
    public interface Progress {
        void patientDone(int done, int total, long slicesWritten);
    }

    private final SynthOptions options;
    private final LesionOntology ontology;

    public CohortGenerator(SynthOptions options, LesionOntology ontology) {
        this.options = options;
        this.ontology = ontology;
    }

    public CohortSummary generate(Path out, Progress progress) throws IOException {
        long started = System.nanoTime();
        requireEmpty(out);
        Files.createDirectories(out);
        CohortSink sink = switch (options.format()) {
            case DEEPLESION -> new DeepLesionWriter(out);
            case DICOM -> new DicomCohortWriter(out, new Uids(options.seed()));
        };
        CohortPlanner planner = new CohortPlanner(options.seed());
        PatientGenerator generator = new PatientGenerator(options, ontology);
        ThreadLocal<SliceRenderer> renderers = ThreadLocal.withInitial(
                () -> new SliceRenderer(StudyPlanner.IMAGE_SIZE, StudyPlanner.IMAGE_SIZE));
        PatientGenerator.Result[] results = new PatientGenerator.Result[options.patients()];
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "synth-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int n = 0; n < options.patients(); n++) {
                int patient = n;
                done.submit(() -> {
                    results[patient] = generator.generate(planner.plan(patient), renderers.get(), sink);
                    return patient;
                });
            }
            long slices = 0;
            for (int k = 1; k <= options.patients(); k++) {
                Future<Integer> finished = done.take();
                int patient = finished.get();
                slices += results[patient].slices();
                if (progress != null) {
                    progress.patientDone(k, options.patients(), slices);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("generation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("generating a patient failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        List<GroundTruthRecord> lesions = new ArrayList<>();
        List<StudyRecord> studies = new ArrayList<>();
        long slices = 0;
        for (PatientGenerator.Result r : results) {
            lesions.addAll(r.lesions());
            studies.addAll(r.studies());
            slices += r.slices();
        }
        sink.finish(lesions, studies);
        GroundTruthFiles.write(out, lesions, studies);
        Files.writeString(out.resolve(NOTE_FILE), note(), StandardCharsets.UTF_8);
        int instances = (int) lesions.stream().map(GroundTruthRecord::instanceId).distinct().count();
        return new CohortSummary(out, options.patients(), studies.size(), instances, lesions.size(), slices,
                (System.nanoTime() - started) / 1e9);
    }

    private String note() {
        return """
                SYNTHETIC DATA - NOT CLINICAL DATA

                Every image, patient, date, measurement and report sentence in this folder was generated
                by the lesion-search synthetic cohort generator from a mathematical body phantom. No
                person was scanned. Do not present it as clinical data.

                seed: %d
                patients: %d
                format: %s
                slices: %s

                Files
                  ground_truth.jsonl  one measured lesion per line: lesion instance id (the same lesion
                                      across studies), true labels, true location and size, the
                                      radiologist's measurement and the report sentence with its
                                      negated, uncertain and neighbouring mentions
                  studies.jsonl       one study per line: acquisition, pose and every lesion's state
                """.formatted(options.seed(), options.patients(), options.format().name().toLowerCase(java.util.Locale.ROOT),
                options.fullVolumes() ? "full volumes" : "key slices and " + options.neighbours() + " neighbours each way");
    }

    private static void requireEmpty(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(out + ": the output folder is not empty; choose a new or empty folder");
                }
            }
        } else if (Files.exists(out)) {
            throw new IOException(out + ": exists and is not a folder");
        }
    }
}
