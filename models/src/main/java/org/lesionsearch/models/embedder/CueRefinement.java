package org.lesionsearch.models.embedder;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lesionsearch.core.lesion.CoarseType;

/**
 * Iterative refinement of the coarse-type cue: after a round of training, each lesion's nearest
 * neighbours in the learned embedding vote on its type. A lesion of unknown type takes a clear
 * majority's type; a lesion whose given type a clear majority contradicts takes the majority's
 * type as well, since its label was likely noise. The next round samples with the refined cues.
 * An embedding that does not yet agree with the given types (leave-one-out vote accuracy below
 * {@code trust}) refines nothing.
 *
 * @param neighbours how many nearest neighbours vote
 * @param majority the share of votes that counts as clear
 * @param trust the vote accuracy on lesions of known type the embedding needs before it refines
 */
public record CueRefinement(int neighbours, double majority, double trust) {

    public static CueRefinement defaults() {
        return new CueRefinement(10, 0.8, 0.9);
    }

    /** The refined types, how many changed, and how often the vote agreed with known types. */
    public record Result(List<CoarseType> types, int changed, double voteAccuracy) {
    }

    public Result refine(float[][] embeddings, List<CoarseType> types) {
        int n = embeddings.length;
        CoarseType[] votes = new CoarseType[n];
        int known = 0;
        int agreed = 0;
        for (int q = 0; q < n; q++) {
            votes[q] = clearMajority(q, embeddings, types);
            if (types.get(q) != CoarseType.UNKNOWN) {
                known++;
                agreed += votes[q] == types.get(q) ? 1 : 0;
            }
        }
        double accuracy = known == 0 ? 0 : (double) agreed / known;
        List<CoarseType> refined = new ArrayList<>(types);
        int changed = 0;
        if (accuracy < trust) {
            return new Result(refined, 0, accuracy);
        }
        for (int q = 0; q < n; q++) {
            if (votes[q] != null && votes[q] != types.get(q)) {
                refined.set(q, votes[q]);
                changed++;
            }
        }
        return new Result(refined, changed, accuracy);
    }

    /** The type a clear majority of the lesion's neighbours have, or null. */
    private CoarseType clearMajority(int q, float[][] embeddings, List<CoarseType> types) {
        int n = embeddings.length;
        double[] best = new double[neighbours];
        int[] bestIndex = new int[neighbours];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(bestIndex, -1);
        for (int i = 0; i < n; i++) {
            if (i == q || types.get(i) == CoarseType.UNKNOWN) {
                continue;
            }
            double sim = 0;
            for (int k = 0; k < embeddings[q].length; k++) {
                sim += embeddings[q][k] * embeddings[i][k];
            }
            int slot = neighbours - 1;
            if (sim <= best[slot]) {
                continue;
            }
            while (slot > 0 && best[slot - 1] < sim) {
                best[slot] = best[slot - 1];
                bestIndex[slot] = bestIndex[slot - 1];
                slot--;
            }
            best[slot] = sim;
            bestIndex[slot] = i;
        }
        Map<CoarseType, Integer> votes = new EnumMap<>(CoarseType.class);
        int cast = 0;
        for (int i : bestIndex) {
            if (i >= 0) {
                votes.merge(types.get(i), 1, Integer::sum);
                cast++;
            }
        }
        if (cast < neighbours) {
            return null;
        }
        for (Map.Entry<CoarseType, Integer> vote : votes.entrySet()) {
            if (vote.getValue() >= majority * cast) {
                return vote.getKey();
            }
        }
        return null;
    }
}
