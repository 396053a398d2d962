package org.lesionsearch.models.training;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The loop shared by the three networks: Adam steps with the run's learning-rate schedule, a
 * loss curve as CSV and PNG, checkpoints every few steps, resume from the last checkpoint, and
 * a progress bar. Each step draws its samples from a random stream derived from the seed and
 * the step number, so a resumed run samples what an uninterrupted one would.
 */
public final class TrainingLoop {

    /** One step's work: returns the total loss followed by its parts. */
    @FunctionalInterface
    public interface StepBody {
        float[] step(GradientStep step, int index, SplittableRandom random);
    }

    private final String network;
    private final Block block;
    private final NDManager manager;
    private final TrainOptions options;
    private final Path runDir;
    private final LossCurve curve;
    private final Checkpoints checkpoints;
    private final PrintStream progress;
    private GradientStep gradientStep;
    private int startStep;
    private long startNanos;
    private boolean outOfTime;

    public TrainingLoop(String network, Block block, NDManager manager, TrainOptions options, Path runDir,
                        List<String> parts, PrintStream progress) {
        this.network = network;
        this.block = block;
        this.manager = manager;
        this.options = options;
        this.runDir = runDir;
        this.curve = new LossCurve(runDir.resolve(network + "-loss.csv"), parts);
        this.checkpoints = new Checkpoints(runDir, network);
        this.progress = progress;
    }

    /**
     * Prepares the run: restores the last checkpoint when {@code resume} is set and one exists.
     *
     * @return the first step to run
     */
    public int begin(boolean resume) throws IOException {
        Files.createDirectories(runDir);
        int last = -1;
        if (resume && checkpoints.lastStep().isPresent()) {
            last = checkpoints.lastStep().getAsInt();
            checkpoints.restore(block, manager);
        }
        curve.open(last);
        startStep = last + 1;
        startNanos = System.nanoTime();
        gradientStep = new GradientStep(block, manager, Optimizer.adam()
                .optLearningRateTracker((Tracker) update -> options.learningRateAt(startStep + update - 1)).build());
        return startStep;
    }

    /**
     * Runs steps {@code from} (inclusive) to {@code to} (exclusive), or fewer when the time budget
     * runs out (then {@link #outOfTime()} is true and the last step is checkpointed).
     */
    public void run(int from, int to, StepBody body) {
        ProgressBar bar = new ProgressBar(progress, network, from, options.steps());
        for (int step = from; step < to && !outOfTime; step++) {
            float[] losses = body.step(gradientStep, step, options.randomFor(step));
            float[] parts = new float[losses.length - 1];
            System.arraycopy(losses, 1, parts, 0, parts.length);
            outOfTime = options.maxSeconds() > 0 && System.nanoTime() - startNanos > options.maxSeconds() * 1_000_000_000L;
            try {
                curve.add(step, losses[0], parts);
                if ((step + 1) % options.checkpointEvery() == 0 || step + 1 == options.steps() || outOfTime) {
                    checkpoints.save(block, step);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the " + network + " training run in " + runDir, e);
            }
            bar.update(step + 1, String.format(Locale.ROOT, "loss %.4f (mean of last 50: %.4f)", losses[0], curve.recentMean(50)));
            if (outOfTime) {
                progress.printf(Locale.ROOT, "%n%s: time budget of %d s spent after step %d of %d; evaluating what was learnt%n",
                        network, options.maxSeconds(), step + 1, options.steps());
            }
        }
    }

    /** Whether the time budget ended the run before its last step. */
    public boolean outOfTime() {
        return outOfTime;
    }

    /** Draws the loss curve. */
    public Path finish() throws IOException {
        Path png = runDir.resolve(network + "-loss.png");
        curve.plot(png, network + " training loss (" + curve.rows().size() + " steps, seed " + options.seed() + ")");
        return png;
    }

    public LossCurve curve() {
        return curve;
    }
}
