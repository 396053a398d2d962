package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.models.inference.Architecture;
import org.lesionsearch.models.inference.ModelManifest;
import org.lesionsearch.models.inference.NetworkRole;
import org.lesionsearch.models.labeler.LabelRelations;
import org.lesionsearch.models.training.ModelTrainer;
import org.lesionsearch.models.training.NetworkPart;
import org.lesionsearch.models.training.TrainOptions;
import org.lesionsearch.models.training.TrainingData;
import org.lesionsearch.server.training.DeepLesionFolders;
import org.lesionsearch.server.training.DeepLesionTrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lesion-search train}: trains the embedder, the labeler or the body-part regressor. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains one network (or all three) on a DeepLesion-format folder: real DeepLesion, or the synthetic"
                + " cohort that 'lesion-search synth' writes. Labels, report sentences and lesion instances come from an"
                + " annotation file (JSON lines keyed by lesion_id; the synthetic cohort's ground truth reads as is).",
            "The body-part regressor learns from runs of consecutive slices; the synthetic cohort's --full-volumes"
                + " folders give long ones.",
            "Writes into --out: the network's weights and <network>.json (entry, metrics on the held-out split),"
                + " run/<network>-loss.csv and .png, run/checkpoints/. Once all three networks are there, model.json"
                + " makes the folder a model bundle ('lesion-search bench-models --model DIR', the index command).",
            "A run is repeatable for a seed; --resume goes on from the last checkpoint."},
        footer = {"", "Examples:",
            "  lesion-search train embedder --data synth/ --out models/demo",
            "  lesion-search train all --data synth/ --out models/demo --seed 7",
            "  lesion-search train labeler --data DeepLesion/ --annotations sentences.jsonl --labels mined --out runs/l1",
            "  lesion-search train ssbr --data synth/ --data synth-volumes/ --ssbr-slices 8 --out models/demo",
            "  lesion-search train ssbr --data synth/ --out models/demo --steps 400 --resume"})
public final class TrainCommand implements Callable<Integer> {

    /** Which network to train. */
    public enum Target { EMBEDDER, LABELER, SSBR, ALL }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "embedder|labeler|ssbr|all", description = "The network to train.")
    Target target;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "DeepLesion-format folder (DL_info*.csv, Images_png); repeat to train on several.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (the model bundle).")
    Path out;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "Labels, sentences and instances per lesion (default: a ground-truth file in --data, if any).")
    Path annotations;

    @Option(names = "--labels", defaultValue = "truth", paramLabel = "truth|mined",
            description = "Train the labeler on the annotation's labels or on labels mined from its sentences (default: ${DEFAULT-VALUE}).")
    DeepLesionTrainingSet.LabelSource labels;

    @Option(names = "--steps", defaultValue = "0", description = "Optimiser steps (default: 600 embedder, 500 labeler, 300 ssbr).")
    int steps;

    @Option(names = "--batch", defaultValue = "0", description = "Lesions per step (default: 40 embedder, 32 labeler, 40 ssbr slices).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--checkpoint-every", defaultValue = "50", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--max-minutes", defaultValue = "0",
            description = "Time budget per network: stop after the step that exceeds it, then evaluate and write (0: none).")
    double maxMinutes;

    @Option(names = "--rounds", defaultValue = "2", description = "Embedder: iterative refinement rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--resume", description = "Go on from the last checkpoint in --out.")
    boolean resume;

    @Option(names = "--width", defaultValue = "0.125", description = "VGG-16 width multiplier (default: ${DEFAULT-VALUE}; 1.0 is the paper's).")
    double width;

    @Option(names = "--patch-px", defaultValue = "32", description = "Pixels a side of the lesion and context patches (default: ${DEFAULT-VALUE}).")
    int patchPx;

    @Option(names = "--full-precision", description = "Store float32 weights (default: half precision, half the size).")
    boolean fullPrecision;

    @Option(names = "--ssbr-slices", defaultValue = "5", description = "Slices per SSBR sequence (default: ${DEFAULT-VALUE}).")
    int ssbrSlices;

    @Option(names = "--max-lesions", defaultValue = "0", description = "Read at most this many lesions (0: all).")
    int maxLesions;

    @Option(names = "--name", defaultValue = "lesion-search-demo", description = "Model name in model.json (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--model-version", defaultValue = "1.0", description = "Model version in model.json (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        try {
            return train();
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }

    private int train() throws IOException {
        PrintWriter outWriter = spec.commandLine().getOut();
        PrintWriter errWriter = spec.commandLine().getErr();
        PrintStream progress = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        LesionOntology ontology = LesionOntology.lesaNet();
        Architecture design = Architecture.withWidth(width, patchPx);
        Architecture architecture = fullPrecision ? design : design.halfPrecision();
        DeepLesionTrainingSet reader = new DeepLesionTrainingSet(architecture.input(), Architecture.REGION, labels, ssbrSlices, progress);
        TrainingData trainingData;
        try {
            trainingData = new DeepLesionFolders(reader, ontology, errWriter).read(data, annotations, maxLesions);
        } catch (DeepLesionFolders.MissingInputException e) {
            errWriter.println("error: " + e.getMessage());
            return 2;
        }
        if (trainingData.lesions().isEmpty()) {
            errWriter.println("error: no lesion could be read from " + data);
            return 1;
        }
        Files.createDirectories(out);
        ModelTrainer trainer = new ModelTrainer(architecture, LabelRelations.lesaNet(), ssbrSlices, progress);
        List<NetworkRole> roles = target == Target.ALL ? List.of(NetworkRole.values()) : List.of(NetworkRole.valueOf(target.name()));
        List<NetworkPart> parts = new ArrayList<>();
        for (NetworkRole role : roles) {
            if (role == NetworkRole.LABELER && trainingData.lesions().stream().allMatch(l -> l.labels().isEmpty())) {
                errWriter.println("error: no lesion has labels; give --annotations with labels (or sentences and --labels mined)");
                return 2;
            }
            TrainOptions options = new TrainOptions(steps > 0 ? steps : defaultSteps(role), batch > 0 ? batch : defaultBatch(role),
                    learningRate, seed, checkpointEvery, role == NetworkRole.EMBEDDER ? rounds : 1, Math.round(maxMinutes * 60));
            parts.add(trainer.train(role, trainingData, options, out, resume));
        }
        Optional<ModelManifest> manifest = ModelTrainer.assemble(out, name, version);
        print(outWriter, parts, manifest);
        return 0;
    }

    private void print(PrintWriter o, List<NetworkPart> parts, Optional<ModelManifest> manifest) throws IOException {
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("out", out.toString());
            summary.put("networks", parts.stream().map(p -> Map.of("network", p.network(), "steps", p.steps(), "seed", p.seed(),
                    "metrics", p.metrics())).toList());
            summary.put("bundle", manifest.map(m -> m.name() + "@" + m.version()).orElse(null));
            o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
        } else {
            o.printf(Locale.ROOT, "%-10s %6s  %-28s %10s%n", "network", "steps", "metric (held-out split)", "value");
            for (NetworkPart p : parts) {
                boolean first = true;
                for (Map.Entry<String, Double> m : p.metrics().entrySet()) {
                    o.printf(Locale.ROOT, "%-10s %6s  %-28s %10.4f%n", first ? p.network() : "", first ? p.steps() : "", m.getKey(), m.getValue());
                    first = false;
                }
            }
            o.println();
            o.println(manifest.map(m -> "model bundle " + m.name() + "@" + m.version() + " written to " + out)
                    .orElse("weights written to " + out + "; train the other networks into the same folder to complete the bundle"));
        }
        o.flush();
    }

    private static int defaultSteps(NetworkRole role) {
        return switch (role) {
            case EMBEDDER -> 600;
            case LABELER -> 500;
            case SSBR -> 300;
        };
    }

    private static int defaultBatch(NetworkRole role) {
        return switch (role) {
            case EMBEDDER -> 40;
            case LABELER -> 32;
            case SSBR -> 40;
        };
    }
}
