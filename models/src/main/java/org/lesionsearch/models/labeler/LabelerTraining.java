package org.lesionsearch.models.labeler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.lesionsearch.models.evaluation.LabelEvaluation;
import org.lesionsearch.models.inference.NetworkInput;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchSpec;
import org.lesionsearch.models.training.BlockRunner;
import org.lesionsearch.models.training.TrainOptions;
import org.lesionsearch.models.training.TrainingLesion;
import org.lesionsearch.models.training.TrainingLoop;

/**
 * Trains the labeler with the full LesaNet objective on the training lesions' labels (parents
 * included); {@link #thresholds} then picks each label's threshold on validation lesions.
 */
public final class LabelerTraining {

    /** Triplets drawn per batch for the λ-weighted triplet term. */
    public static final int TRIPLETS_PER_BATCH = 256;

    private final LabelRelations relations;
    private final RelationalHardExampleMining rhem;
    private final LabelTripletLoss triplet;

    public LabelerTraining(LabelRelations relations, RelationalHardExampleMining rhem, LabelTripletLoss triplet) {
        this.relations = relations;
        this.rhem = rhem;
        this.triplet = triplet;
    }

    public static LabelerTraining defaults(LabelRelations relations) {
        return new LabelerTraining(relations, RelationalHardExampleMining.defaults(), new LabelTripletLoss(0.1f));
    }

    /** What a run did. */
    public record Outcome(int steps, double finalLoss, Path lossPlot) {
    }

    public Outcome train(LabelerBlock block, NDManager manager, PatchSpec spec, List<TrainingLesion> train,
                         TrainOptions options, Path runDir, boolean resume, PrintStream progress) throws IOException {
        int labels = relations.size();
        List<BitSet> positives = train.stream().map(l -> relations.expandParents(relations.indicesOf(l.labels()))).toList();
        List<BitSet> reliable = positives.stream().map(relations::reliable).toList();
        int[] counts = new int[labels];
        for (BitSet p : positives) {
            p.stream().forEach(c -> counts[c]++);
        }
        LesaNetLoss objective = new LesaNetLoss(WeightedCrossEntropy.fromCounts(counts, train.size()), rhem, triplet,
                LabelTripletLoss.LAMBDA);
        List<String> scales = block.spec().scales();
        TrainingLoop loop = new TrainingLoop("labeler", block, manager, options, runDir,
                List.of("wce", "rhem", "wce_spl", "triplet"), progress);
        int start = loop.begin(resume);
        int batchSize = Math.min(options.batch(), train.size());
        loop.run(start, options.steps(), (gradientStep, step, random) -> {
            List<Integer> picked = new ArrayList<>();
            BitSet taken = new BitSet(train.size());
            while (picked.size() < batchSize) {
                int i = random.nextInt(train.size());
                if (!taken.get(i)) {
                    taken.set(i);
                    picked.add(i);
                }
            }
            List<LesionPatches> patches = picked.stream().map(i -> train.get(i).patches()).toList();
            List<BitSet> batchLabels = picked.stream().map(positives::get).toList();
            float[] y = new float[batchSize * labels];
            float[] r = new float[batchSize * labels];
            for (int b = 0; b < batchSize; b++) {
                final int row = b;
                batchLabels.get(b).stream().forEach(c -> y[row * labels + c] = 1);
                reliable.get(picked.get(b)).stream().forEach(c -> r[row * labels + c] = 1);
            }
            int[][] triplets = LabelTripletLoss.sample(batchLabels, TRIPLETS_PER_BATCH, 0.1, random);
            NetworkInput input = NetworkInput.stack(spec, scales, patches);
            float[][] parts = new float[1][];
            float total = gradientStep.step((scratch, parameters) -> {
                NDList out = block.forward(parameters, input.toNDList(scratch), true);
                NDArray targets = scratch.create(y, new Shape(batchSize, labels));
                NDArray reliableMask = scratch.create(r, new Shape(batchSize, labels));
                LesaNetLoss.Parts p = objective.evaluate(out, targets, reliableMask, triplets, random);
                parts[0] = new float[] {p.wce(), p.rhem(), p.wceSpl(), p.triplet()};
                return p.total();
            });
            return new float[] {total, parts[0][0], parts[0][1], parts[0][2], parts[0][3]};
        });
        Path plot = loop.finish();
        return new Outcome(loop.curve().rows().size(), loop.curve().recentMean(50), plot);
    }

    /** Per-label thresholds with the best F1 on {@code validation}; 0.5 for all when it is empty. */
    public float[] thresholds(LabelerBlock block, NDManager manager, PatchSpec spec, List<TrainingLesion> validation) {
        if (validation.isEmpty()) {
            return defaultThresholds(relations.size());
        }
        return LabelEvaluation.bestF1Thresholds(probabilities(block, manager, spec, validation), truth(validation),
                relations.size(), 0.5f);
    }

    /** Sigmoid of the propagated scores, one row per lesion. */
    public static float[][] probabilities(LabelerBlock block, NDManager manager, PatchSpec spec, List<TrainingLesion> lesions) {
        float[][] logits = BlockRunner.rows(block, manager, spec, block.spec().scales(),
                lesions.stream().map(TrainingLesion::patches).toList(), 1);
        for (float[] row : logits) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) (1 / (1 + Math.exp(-row[c])));
            }
        }
        return logits;
    }

    public List<BitSet> truth(List<TrainingLesion> lesions) {
        return lesions.stream().map(l -> relations.expandParents(relations.indicesOf(l.labels()))).toList();
    }

    private static float[] defaultThresholds(int labels) {
        float[] t = new float[labels];
        java.util.Arrays.fill(t, 0.5f);
        return t;
    }
}
