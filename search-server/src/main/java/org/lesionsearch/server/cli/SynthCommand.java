package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.indexer.synth.CohortGenerator;
import org.lesionsearch.indexer.synth.CohortSummary;
import org.lesionsearch.indexer.synth.OutputFormat;
import org.lesionsearch.indexer.synth.SynthOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search synth}: writes a synthetic longitudinal CT cohort with ground truth. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generates a synthetic longitudinal CT cohort (never clinical data): per patient a body phantom"
                + " with Hounsfield-unit anatomy, 1 to 6 studies months apart with the patient repositioned, lesions of"
                + " DeepLesion's 8 coarse types that grow, shrink, stay or disappear, RECIST measurements with human-like"
                + " error and one report sentence per lesion.",
            "Writes a DeepLesion folder (Images_png + DL_info.csv) or DICOM series with a measurements.csv sidecar,"
                + " plus ground_truth.jsonl (lesion instance ids, true labels and locations) and studies.jsonl. The same"
                + " seed gives the same files."},
        footer = {"", "Examples:",
            "  lesion-search synth --patients 100 --seed 7 --out data/synth",
            "  lesion-search synth --patients 20 --seed 7 --out data/synth-dicom --format dicom",
            "  lesion-search synth --patients 5 --seed 1 --out /tmp/volumes --full-volumes",
            "  lesion-search synth --patients 100 --seed 7 --out data/synth --json > synth-summary.json"})
public final class SynthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--patients", defaultValue = "100", paramLabel = "N",
            description = "Number of patients (default: ${DEFAULT-VALUE}; about 3 studies and 15 measured lesions each).")
    int patients;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Cohort seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty output folder.")
    Path out;

    @Option(names = "--format", defaultValue = "deeplesion", paramLabel = "FORMAT",
            description = "deeplesion or dicom (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--neighbours", defaultValue = "2", paramLabel = "N",
            description = "Slices written on each side of a key slice (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--full-volumes", description = "Write every slice of every study (large: hundreds per study).")
    boolean fullVolumes;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core; output does not depend on it).")
    Integer threads;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    @Option(names = "--json", description = "Print the summary as JSON on standard output.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        SynthOptions options;
        try {
            options = new SynthOptions(patients, seed, format, neighbours, fullVolumes,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            return 2;
        }
        ProgressBar bar = noProgress ? null : new ProgressBar(stderr, System.console() != null);
        CohortSummary summary;
        try {
            summary = new CohortGenerator(options, LesionOntology.lesaNet()).generate(out,
                    bar == null ? null : bar::update);
        } catch (IOException e) {
            if (bar != null) {
                bar.finish();
            }
            stderr.println("error: " + e.getMessage());
            return 1;
        }
        if (bar != null) {
            bar.finish();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("out", summary.out().toAbsolutePath().toString());
        figures.put("format", format.name().toLowerCase(Locale.ROOT));
        figures.put("seed", seed);
        figures.put("patients", summary.patients());
        figures.put("studies", summary.studies());
        figures.put("lesionInstances", summary.lesionInstances());
        figures.put("measuredLesions", summary.measuredLesions());
        figures.put("slices", summary.slices());
        figures.put("seconds", Math.round(summary.seconds() * 100) / 100.0);
        figures.put("slicesPerSecond", Math.round(summary.slices() / Math.max(1e-9, summary.seconds()) * 10) / 10.0);
        if (json) {
            stdout.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        } else {
            stdout.println("Synthetic cohort (not clinical data)");
            figures.forEach((k, v) -> stdout.printf(Locale.ROOT, "  %-18s %s%n", k, v));
        }
        stdout.flush();
        return 0;
    }

    /** Progress on stderr: a bar, patients done, rate and time left; a line every few seconds when not a terminal. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final boolean terminal;
        private final long started = System.nanoTime();
        private long lastDraw;
        private boolean drawn;

        ProgressBar(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        void update(int done, int total, long slices) {
            long now = System.nanoTime();
            if (done < total && drawn && now - lastDraw < (terminal ? 200_000_000L : 5_000_000_000L)) {
                return;
            }
            lastDraw = now;
            drawn = true;
            double seconds = Math.max(1e-9, (now - started) / 1e9);
            int filled = (int) Math.round((double) done / total * WIDTH);
            long eta = Math.round(seconds / done * (total - done));
            String line = String.format(Locale.ROOT, "[%s%s] %d/%d patients  %.2f patients/s  %,d slices  ETA %d:%02d",
                    "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, done / seconds, slices, eta / 60, eta % 60);
            if (terminal) {
                err.print("\r" + line + "  ");
            } else {
                err.println(line);
            }
            err.flush();
        }

        void finish() {
            if (terminal && drawn) {
                err.println();
                err.flush();
            }
        }
    }
}
