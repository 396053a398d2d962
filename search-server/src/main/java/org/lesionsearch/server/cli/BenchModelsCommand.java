package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.models.benchmark.EncoderBenchmark;
import org.lesionsearch.models.inference.Architecture;
import org.lesionsearch.models.inference.DjlLesionEncoder;
import org.lesionsearch.models.inference.EncoderOptions;
import org.lesionsearch.models.inference.LoadedNetworks;
import org.lesionsearch.models.inference.ModelBundles;
import org.lesionsearch.models.inference.ModelManifest;
import org.lesionsearch.models.labeler.LabelRelations;
import org.lesionsearch.models.ssbr.ZCalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search bench-models}: inference throughput of the three networks. */
@Command(name = "bench-models", mixinStandardHelpOptions = true,
        description = {"Measures model inference on this machine's CPU: lesions per second for the embedder, the labeler"
                + " and the slice-score network alone and for the whole encoding (all three networks, every patch scale),"
                + " at several batch sizes, on patches of noise (speed does not depend on content).",
            "Baseline in the same run: a full-width VGG-16 with batch norm on one 64x64 patch per lesion."},
        footer = {"", "Examples:",
            "  lesion-search bench-models                      (the shipped demo weights)",
            "  lesion-search bench-models --model runs/bundle --batch 1,16,64",
            "  lesion-search bench-models --untrained --width 0.5   (the slim design at another width, random weights)",
            "  lesion-search bench-models --json > bench-models.json"})
public final class BenchModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "A model bundle folder (default: the shipped demo weights).")
    Path model;

    @Option(names = "--untrained", description = "Time freshly initialised networks of the slim design instead of a bundle.")
    boolean untrained;

    @Option(names = "--width", defaultValue = "0.125", description = "With --untrained: the VGG width multiplier (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--patch-px", defaultValue = "32", description = "With --untrained: lesion and context patch pixels (default: ${DEFAULT-VALUE}).")
    int patchPx;

    @Option(names = "--batch", split = ",", defaultValue = "1,8,32", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(names = "--sessions", defaultValue = "1", description = "Predictor sessions in the pool (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--seconds", defaultValue = "3", description = "Timed seconds per row (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--no-baseline", description = "Skip the full-width VGG-16 baseline.")
    boolean noBaseline;

    @Option(names = "--json", description = "Print the same figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int maxBatch = batches.stream().mapToInt(Integer::intValue).max().orElse(32);
        EncoderOptions options = new EncoderOptions(sessions, maxBatch);
        try (DjlLesionEncoder encoder = open(options)) {
            List<EncoderBenchmark.Row> rows = new EncoderBenchmark(seconds).run(encoder, batches, !noBaseline);
            String threads = System.getProperty("ai.djl.pytorch.num_threads", "default");
            if (json) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("model", encoder.model().toString());
                figures.put("input", encoder.inputSpec().describe());
                figures.put("cores", Runtime.getRuntime().availableProcessors());
                figures.put("rows", rows.stream().map(r -> Map.of("network", r.what(), "batch", r.batch(),
                        "lesions_per_second", r.lesionsPerSecond(), "ms_per_lesion", r.msPerLesion())).toList());
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
            } else {
                out.printf(Locale.ROOT, "model %s on %d cores (torch threads: %s)%ninput %s%n%n", encoder.model(),
                        Runtime.getRuntime().availableProcessors(), threads, encoder.inputSpec().describe());
                out.printf(Locale.ROOT, "%-48s %6s %12s %12s%n", "network", "batch", "lesions/s", "ms/lesion");
                for (EncoderBenchmark.Row r : rows) {
                    out.printf(Locale.ROOT, "%-48s %6d %12.1f %12.2f%n", r.what(), r.batch(), r.lesionsPerSecond(), r.msPerLesion());
                }
            }
        }
        out.flush();
        return 0;
    }

    private DjlLesionEncoder open(EncoderOptions options) throws IOException {
        if (untrained) {
            Architecture design = Architecture.withWidth(width, patchPx);
            LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
            float[] thresholds = new float[vocabulary.size()];
            Arrays.fill(thresholds, 0.5f);
            ModelManifest manifest = new ModelManifest("untrained-slim-w" + width, "0", "nothing (random weights, for timing)",
                    design.input(), design.embedder(), design.labeler(), design.ssbr(), new ArrayList<>(vocabulary.terms()),
                    thresholds, new ZCalibration(1, 0));
            return new DjlLesionEncoder(manifest, LoadedNetworks.fresh(design, vocabulary.size()), LabelRelations.lesaNet(), options);
        }
        return model == null ? ModelBundles.open(ModelBundles.demo(), options) : ModelBundles.open(model, options);
    }
}
