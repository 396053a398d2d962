package org.lesionsearch.models.training;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.models.embedder.EmbedderTraining;
import org.lesionsearch.models.embedder.LesionEmbedderBlock;
import org.lesionsearch.models.evaluation.LabelEvaluation;
import org.lesionsearch.models.evaluation.RetrievalEvaluation;
import org.lesionsearch.models.inference.Architecture;
import org.lesionsearch.models.inference.HalfPrecisionParameters;
import org.lesionsearch.models.inference.LoadedNetworks;
import org.lesionsearch.models.inference.ManifestJson;
import org.lesionsearch.models.inference.ModelBundles;
import org.lesionsearch.models.inference.ModelManifest;
import org.lesionsearch.models.inference.NetworkRole;
import org.lesionsearch.models.labeler.LabelRelations;
import org.lesionsearch.models.labeler.LabelerBlock;
import org.lesionsearch.models.labeler.LabelerTraining;
import org.lesionsearch.models.ssbr.SliceScoreBlock;
import org.lesionsearch.models.ssbr.SsbrTraining;

/**
 * Trains one network of a bundle at a time into an output folder, scores it on the held-out
 * lesions, and writes its weights and {@code <network>.json}. Once all three parts are there,
 * it writes the bundle's {@code model.json}, so the folder opens with
 * {@link ModelBundles#open(Path, org.lesionsearch.models.inference.EncoderOptions)}.
 */
public final class ModelTrainer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Architecture architecture;
    private final LabelRelations relations;
    private final int ssbrSlices;
    private final PrintStream progress;

    /** @param ssbrSlices slices per SSBR training sequence */
    public ModelTrainer(Architecture architecture, LabelRelations relations, int ssbrSlices, PrintStream progress) {
        this.architecture = architecture;
        this.relations = relations;
        this.ssbrSlices = ssbrSlices;
        this.progress = progress;
    }

    public NetworkPart train(NetworkRole role, TrainingData data, TrainOptions options, Path out, boolean resume)
            throws IOException {
        List<TrainingLesion> train = data.split(Split.TRAIN);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training lesions (split 1) in " + data.description());
        }
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) options.seed());
        Path runDir = out.resolve("run");
        try (LoadedNetworks networks = LoadedNetworks.fresh(architecture, relations.size())) {
            NDManager manager = networks.model(role).getNDManager();
            Map<String, Double> metrics = new LinkedHashMap<>();
            float[] thresholds = null;
            org.lesionsearch.models.ssbr.ZCalibration calibration = null;
            switch (role) {
                case EMBEDDER -> {
                    LesionEmbedderBlock block = (LesionEmbedderBlock) networks.block(role);
                    EmbedderTraining.Outcome outcome = EmbedderTraining.defaults().train(block, manager, architecture.input(),
                            train, options, runDir, resume, progress);
                    roundIfHalf(role, block);
                    metrics.put("steps_run", (double) outcome.steps());
                    metrics.put("final_loss", outcome.finalLoss());
                    metrics.put("types_refined", (double) outcome.typesRefined());
                    metrics.putAll(embedderMetrics(block, manager, data.heldOut()));
                }
                case LABELER -> {
                    LabelerBlock block = (LabelerBlock) networks.block(role);
                    LabelerTraining training = LabelerTraining.defaults(relations);
                    LabelerTraining.Outcome outcome = training.train(block, manager, architecture.input(), train, options,
                            runDir, resume, progress);
                    roundIfHalf(role, block);
                    thresholds = training.thresholds(block, manager, architecture.input(), data.split(Split.VALIDATION));
                    metrics.put("steps_run", (double) outcome.steps());
                    metrics.put("final_loss", outcome.finalLoss());
                    List<TrainingLesion> heldOut = data.heldOut();
                    if (!heldOut.isEmpty()) {
                        LabelEvaluation.AucReport auc = LabelEvaluation.aucs(
                                LabelerTraining.probabilities(block, manager, architecture.input(), heldOut),
                                training.truth(heldOut), relations.size());
                        metrics.put("mean_auc", auc.mean());
                        metrics.put("labels_scored", (double) auc.labelsScored());
                        metrics.put("held_out_lesions", (double) heldOut.size());
                    }
                }
                case SSBR -> {
                    SliceScoreBlock block = (SliceScoreBlock) networks.block(role);
                    SsbrTraining.Outcome outcome = new SsbrTraining(ssbrSlices).train(block, manager, architecture.input(),
                            data.volumes(), train, options, runDir, resume, progress);
                    roundIfHalf(role, block);
                    calibration = SsbrTraining.calibrate(block, manager, architecture.input(), train);
                    metrics.put("steps_run", (double) outcome.steps());
                    metrics.put("final_loss", outcome.finalLoss());
                    metrics.put("train_z_mae", SsbrTraining.meanAbsoluteZError(block, manager, architecture.input(), calibration, train));
                    List<TrainingLesion> heldOut = data.heldOut();
                    if (!heldOut.isEmpty()) {
                        metrics.put("z_mae", SsbrTraining.meanAbsoluteZError(block, manager, architecture.input(), calibration, heldOut));
                    }
                }
            }
            ModelBundles.writeParameters(networks.block(role), out.resolve(architecture.entry(role).file()));
            if (architecture.entry(role).file().endsWith(HalfPrecisionParameters.EXTENSION)) {
                // the metrics above were measured after rounding: they hold for the shipped weights
                progress.println(role.fileStem() + ": weights stored at half precision");
            }
            NetworkPart part = new NetworkPart(role.fileStem(), architecture.entry(role), architecture.input(),
                    data.description(), options.steps(), options.seed(), metrics, thresholds, calibration);
            try (OutputStream o = Files.newOutputStream(out.resolve(role.fileStem() + ".json"))) {
                JSON.writeValue(o, part);
            }
            return part;
        }
    }

    private void roundIfHalf(NetworkRole role, ai.djl.nn.Block block) {
        if (architecture.entry(role).file().endsWith(HalfPrecisionParameters.EXTENSION)) {
            HalfPrecisionParameters.round(block);
        }
    }

    private Map<String, Double> embedderMetrics(LesionEmbedderBlock block, NDManager manager, List<TrainingLesion> heldOut) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (heldOut.isEmpty()) {
            return metrics;
        }
        float[][] embeddings = BlockRunner.rows(block, manager, architecture.input(), block.spec().scales(),
                heldOut.stream().map(TrainingLesion::patches).toList(), 0);
        List<RetrievalEvaluation.Item> items = new ArrayList<>();
        for (int i = 0; i < heldOut.size(); i++) {
            TrainingLesion l = heldOut.get(i);
            items.add(new RetrievalEvaluation.Item(embeddings[i], l.patient(), l.study(),
                    l.type() == org.lesionsearch.core.lesion.CoarseType.UNKNOWN ? null : l.type().name(), l.instance()));
        }
        RetrievalEvaluation.Score p5 = RetrievalEvaluation.precisionAtK(items, 5);
        RetrievalEvaluation.Score matching = RetrievalEvaluation.matchingAccuracy(items);
        metrics.put("precision_at_5_type", p5.value());
        metrics.put("retrieval_queries", (double) p5.queries());
        metrics.put("matching_accuracy", matching.value());
        metrics.put("matching_queries", (double) matching.queries());
        metrics.put("held_out_lesions", (double) heldOut.size());
        return metrics;
    }

    /** Reads the parts in {@code out}; writes {@code model.json} when all three are present. */
    public static Optional<ModelManifest> assemble(Path out, String name, String version) throws IOException {
        Map<NetworkRole, NetworkPart> parts = new EnumMap<>(NetworkRole.class);
        for (NetworkRole role : NetworkRole.values()) {
            Path file = out.resolve(role.fileStem() + ".json");
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            parts.put(role, JSON.readValue(file.toFile(), NetworkPart.class));
        }
        String fingerprint = parts.get(NetworkRole.EMBEDDER).input().fingerprint();
        for (NetworkPart part : parts.values()) {
            if (!part.input().fingerprint().equals(fingerprint)) {
                throw new IOException(out + ": the networks were trained on different input specifications ("
                        + part.network() + " differs); retrain it");
            }
        }
        NetworkPart labeler = parts.get(NetworkRole.LABELER);
        ModelManifest manifest = new ModelManifest(name, version, labeler.trainedOn(), labeler.input(),
                parts.get(NetworkRole.EMBEDDER).entry(), labeler.entry(), parts.get(NetworkRole.SSBR).entry(),
                LabelVocabulary.lesaNet171().terms(), labeler.thresholds(), parts.get(NetworkRole.SSBR).zCalibration());
        try (OutputStream o = Files.newOutputStream(out.resolve(ModelManifest.FILE))) {
            ManifestJson.write(manifest, o);
        }
        return Optional.of(manifest);
    }
}
