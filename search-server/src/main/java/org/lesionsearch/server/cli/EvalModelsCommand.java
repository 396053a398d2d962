package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.lesionsearch.core.ontology.LesionOntology;
import org.lesionsearch.models.inference.DjlLesionEncoder;
import org.lesionsearch.models.inference.EncoderOptions;
import org.lesionsearch.models.inference.ModelBundles;
import org.lesionsearch.models.labeler.LabelRelations;
import org.lesionsearch.models.training.Split;
import org.lesionsearch.models.training.TrainingData;
import org.lesionsearch.models.training.TrainingLesion;
import org.lesionsearch.server.evaluation.ModelEvaluation;
import org.lesionsearch.server.evaluation.ModelEvaluationReport;
import org.lesionsearch.server.evaluation.ModelEvaluationTable;
import org.lesionsearch.server.training.DeepLesionFolders;
import org.lesionsearch.server.training.DeepLesionTrainingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search eval-models}: the three networks of a bundle scored on held-out lesions. */
@Command(name = "eval-models", mixinStandardHelpOptions = true,
        description = {"Scores a model bundle on one split of a DeepLesion-format folder (real DeepLesion, or the synthetic"
                + " cohort 'lesion-search synth' writes), encoding its lesions through the same encoder the indexer uses.",
            "Embedder: precision@5 of coarse type among lesions of other patients, mean normalised location distance and"
                + " size ratio of the top 5 (LesionGraph's evaluation), same-lesion matching across studies; beside the"
                + " ranking by true location and the random expectation on the same queries.",
            "Labeler: AUC, precision, recall and F1 with the bundle's thresholds, per label class and averaged over the"
                + " labels present (and micro). Body-part regressor: order accuracy of the slices of the split's runs of"
                + " consecutive slices (key slice and neighbours, whole volumes where the data has them) and the z error"
                + " of its lesions beside predicting the mean z.",
            "Labels and lesion instances come from the annotation file (the synthetic cohort's ground truth reads as is)."},
        footer = {"", "Examples:",
            "  lesion-search eval-models --data synth/                       (the shipped demo weights, held-out split)",
            "  lesion-search eval-models --model runs/bundle --data synth/ --json > eval.json",
            "  lesion-search eval-models --data synth/ --data synth-volumes/ --split validation --per-label",
            "  lesion-search eval-models --data DeepLesion/ --annotations labels.jsonl --split test"})
public final class EvalModelsCommand implements Callable<Integer> {

    /** Neighbours retrieval judges, as LesionGraph does. */
    private static final int K = 5;
    /** Key slice and one neighbour each way: the shortest run whose order says something. */
    private static final int FEWEST_RUN_SLICES = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "A model bundle folder (default: the shipped demo weights).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "DeepLesion-format folder (DL_info*.csv, Images_png); repeat to read several.")
    List<Path> data;

    @Option(names = "--annotations", paramLabel = "FILE",
            description = "Labels and instances per lesion (default: a ground-truth file in --data, if any).")
    Path annotations;

    @Option(names = "--split", paramLabel = "test|validation|train",
            description = "The split to score (default: test, or validation when there is no test split).")
    Split split;

    @Option(names = "--per-label", description = "Also print each label present with its scores.")
    boolean perLabel;

    @Option(names = "--json", description = "Print the same figures as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (model != null && !Files.isDirectory(model)) {
            err.println("error: model folder " + model + " does not exist");
            return 2;
        }
        PrintStream progress = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        try (DjlLesionEncoder encoder = open()) {
            String regionScale = encoder.manifest().ssbr().scales().getFirst();
            DeepLesionTrainingSet reader = new DeepLesionTrainingSet(encoder.inputSpec(), regionScale,
                    DeepLesionTrainingSet.LabelSource.TRUTH, FEWEST_RUN_SLICES, progress);
            // without --split, test and validation are read so the held-out choice can fall back to validation
            Set<Split> splits = split != null ? EnumSet.of(split) : EnumSet.of(Split.TEST, Split.VALIDATION);
            TrainingData read = new DeepLesionFolders(reader, LesionOntology.lesaNet(), err).read(data, annotations, 0, splits);
            List<TrainingLesion> lesions = split != null ? read.split(split) : read.heldOut();
            Split scored = split != null ? split : lesions.isEmpty() ? Split.TEST : lesions.getFirst().split();
            String splitName = scored.name().toLowerCase(Locale.ROOT);
            if (lesions.isEmpty()) {
                err.println("error: no lesion of the " + splitName + " split could be read from " + data);
                return 1;
            }
            ModelEvaluationReport report = new ModelEvaluation(encoder, LabelRelations.lesaNet(), K, progress)
                    .evaluate(read.description(), splitName, lesions, read.volumes());
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(ModelEvaluationTable.json(report, perLabel)));
                out.flush();
            } else {
                ModelEvaluationTable.print(report, perLabel, out);
            }
            return 0;
        } catch (DeepLesionFolders.MissingInputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private DjlLesionEncoder open() throws IOException {
        return model == null ? ModelBundles.open(ModelBundles.demo(), EncoderOptions.defaults())
                : ModelBundles.open(model, EncoderOptions.defaults());
    }
}
