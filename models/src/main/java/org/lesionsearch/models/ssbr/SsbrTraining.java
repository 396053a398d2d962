package org.lesionsearch.models.ssbr;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.lesionsearch.models.inference.NetworkInput;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchSpec;
import org.lesionsearch.models.training.BlockRunner;
import org.lesionsearch.models.training.SliceVolume;
import org.lesionsearch.models.training.TrainOptions;
import org.lesionsearch.models.training.TrainingLesion;
import org.lesionsearch.models.training.TrainingLoop;

/**
 * Trains the slice-score network on sequences of {@code m} equidistant slices {@code j, j+k, ...}
 * with a random start {@code j} and step {@code k} per volume, then fits the line that maps its
 * score to the normalised z of lesions whose z is known.
 */
public final class SsbrTraining {

    private final SsbrLoss loss = new SsbrLoss();
    private final int slicesPerSequence;

    public SsbrTraining(int slicesPerSequence) {
        if (slicesPerSequence < 3) {
            throw new IllegalArgumentException("SSBR sequences need at least 3 slices");
        }
        this.slicesPerSequence = slicesPerSequence;
    }

    /** What a run did: the calibration and the z error on the lesions it was fitted to. */
    public record Outcome(int steps, double finalLoss, ZCalibration calibration, double fitMeanAbsoluteError, Path lossPlot) {
    }

    public Outcome train(SliceScoreBlock block, NDManager manager, PatchSpec spec, List<SliceVolume> volumes,
                         List<TrainingLesion> calibrationLesions, TrainOptions options, Path runDir, boolean resume,
                         PrintStream progress) throws IOException {
        List<SliceVolume> usable = volumes.stream().filter(v -> v.slices().size() >= slicesPerSequence).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no volume has the " + slicesPerSequence
                    + " slices a training sequence needs (" + volumes.size() + " volumes given)");
        }
        String scale = block.spec().scale();
        int size = spec.scale(scale).orElseThrow().sizePx();
        int sequences = Math.max(1, options.batch() / slicesPerSequence);
        TrainingLoop loop = new TrainingLoop("ssbr", block, manager, options, runDir, List.of(), progress);
        int start = loop.begin(resume);
        loop.run(start, options.steps(), (gradientStep, step, random) -> {
            List<float[]> slices = new ArrayList<>();
            for (int s = 0; s < sequences; s++) {
                slices.addAll(sequence(usable.get(random.nextInt(usable.size())), random));
            }
            float[] flat = new float[slices.size() * 3 * size * size];
            for (int i = 0; i < slices.size(); i++) {
                System.arraycopy(slices.get(i), 0, flat, i * 3 * size * size, 3 * size * size);
            }
            float value = gradientStep.step((scratch, parameters) -> loss.evaluate(block.forward(parameters,
                    new ai.djl.ndarray.NDList(scratch.create(flat, new ai.djl.ndarray.types.Shape(slices.size(), 3, size, size))),
                    true).singletonOrThrow().reshape(sequences, slicesPerSequence)));
            return new float[] {value};
        });
        Path plot = loop.finish();
        ZCalibration calibration = calibrate(block, manager, spec, calibrationLesions);
        double error = meanAbsoluteZError(block, manager, spec, calibration, calibrationLesions);
        return new Outcome(loop.curve().rows().size(), loop.curve().recentMean(50), calibration, error, plot);
    }

    private List<float[]> sequence(SliceVolume volume, RandomGenerator random) {
        int n = volume.slices().size();
        int maxStep = (n - 1) / (slicesPerSequence - 1);
        int k = 1 + random.nextInt(maxStep);
        int j = random.nextInt(n - k * (slicesPerSequence - 1));
        List<float[]> out = new ArrayList<>(slicesPerSequence);
        for (int i = 0; i < slicesPerSequence; i++) {
            out.add(volume.slices().get(j + k * i));
        }
        return out;
    }

    /** Slice scores of lesions' region patches. */
    public static double[] scores(SliceScoreBlock block, NDManager manager, PatchSpec spec, List<LesionPatches> lesions) {
        float[][] rows = BlockRunner.rows(block, manager, spec, List.of(block.spec().scale()), lesions, 0);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][0];
        }
        return out;
    }

    public static ZCalibration calibrate(SliceScoreBlock block, NDManager manager, PatchSpec spec, List<TrainingLesion> lesions) {
        List<TrainingLesion> known = lesions.stream().filter(l -> l.location() != null).toList();
        double[] s = scores(block, manager, spec, known.stream().map(TrainingLesion::patches).toList());
        double[] z = known.stream().mapToDouble(l -> l.location().z()).toArray();
        return ZCalibration.fit(s, z);
    }

    public static double meanAbsoluteZError(SliceScoreBlock block, NDManager manager, PatchSpec spec, ZCalibration calibration,
                                            List<TrainingLesion> lesions) {
        List<TrainingLesion> known = lesions.stream().filter(l -> l.location() != null).toList();
        double[] s = scores(block, manager, spec, known.stream().map(TrainingLesion::patches).toList());
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            sum += Math.abs(calibration.z(s[i]) - known.get(i).location().z());
        }
        return known.isEmpty() ? Double.NaN : sum / known.size();
    }
}
