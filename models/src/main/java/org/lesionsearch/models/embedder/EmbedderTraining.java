package org.lesionsearch.models.embedder;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.models.inference.NetworkInput;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchSpec;
import org.lesionsearch.models.training.BlockRunner;
import org.lesionsearch.models.training.TrainOptions;
import org.lesionsearch.models.training.TrainingLesion;
import org.lesionsearch.models.training.TrainingLoop;

/**
 * Trains the embedder with the sequential-sampling triplet loss. The steps are split into
 * {@link TrainOptions#refinementRounds()} rounds; before each round after the first, the coarse
 * types are refined from the embedding learned so far ({@link CueRefinement}).
 */
public final class EmbedderTraining {

    private final SequentialTripletLoss loss;
    private final SequenceSampler sampler;
    private final CueRefinement refinement;

    public EmbedderTraining(SequentialTripletLoss loss, SequenceSampler sampler, CueRefinement refinement) {
        this.loss = loss;
        this.sampler = sampler;
        this.refinement = refinement;
    }

    public static EmbedderTraining defaults() {
        return new EmbedderTraining(SequentialTripletLoss.defaults(), SequenceSampler.defaults(), CueRefinement.defaults());
    }

    /** What a run did. */
    public record Outcome(int steps, double finalLoss, int typesRefined, Path lossPlot) {
    }

    public Outcome train(LesionEmbedderBlock block, NDManager manager, PatchSpec spec, List<TrainingLesion> lesions,
                         TrainOptions options, Path runDir, boolean resume, PrintStream progress) throws IOException {
        List<String> scales = block.spec().scales();
        List<LesionPatches> patches = lesions.stream().map(TrainingLesion::patches).toList();
        List<CoarseType> types = new ArrayList<>(lesions.stream().map(TrainingLesion::type).toList());
        TrainingLoop loop = new TrainingLoop("embedder", block, manager, options, runDir, List.of(), progress);
        int start = loop.begin(resume);
        int rounds = options.refinementRounds();
        int perRound = (options.steps() + rounds - 1) / rounds;
        int refined = 0;
        int sequencesPerStep = Math.max(1, options.batch() / SequentialTripletLoss.SEQUENCE_LENGTH);
        for (int round = 0; round < rounds; round++) {
            int from = round * perRound;
            int to = Math.min(options.steps(), from + perRound);
            if (to <= start || loop.outOfTime()) {
                continue;
            }
            if (round > 0) {
                float[][] embeddings = BlockRunner.rows(block, manager, spec, scales, patches, 0);
                CueRefinement.Result result = refinement.refine(embeddings, types);
                types = new ArrayList<>(result.types());
                refined += result.changed();
                progress.printf(java.util.Locale.ROOT, "embedder: refinement round %d: neighbour votes agree with %.1f%% of known"
                        + " types; %d coarse types changed%n", round, 100 * result.voteAccuracy(), result.changed());
            }
            List<SequenceSampler.Cues> cues = new ArrayList<>();
            for (int i = 0; i < lesions.size(); i++) {
                cues.add(new SequenceSampler.Cues(types.get(i), lesions.get(i).location(), lesions.get(i).sizeMm()));
            }
            loop.run(Math.max(from, start), to, (gradientStep, step, random) -> {
                List<int[]> sequences = sampler.sample(cues, sequencesPerStep, random);
                if (sequences.isEmpty()) {
                    throw new IllegalStateException("no training sequence can be built: the lesions need at least two coarse"
                            + " types, locations and sizes with near and far neighbours of the same type");
                }
                List<LesionPatches> batch = new ArrayList<>();
                for (int[] sequence : sequences) {
                    for (int index : sequence) {
                        batch.add(patches.get(index));
                    }
                }
                NetworkInput input = NetworkInput.stack(spec, scales, batch);
                float value = gradientStep.step((scratch, parameters) ->
                        loss.evaluate(block.forward(parameters, input.toNDList(scratch), true).singletonOrThrow()));
                return new float[] {value};
            });
        }
        Path plot = loop.finish();
        return new Outcome(loop.curve().rows().size(), loop.curve().recentMean(50), refined, plot);
    }
}
