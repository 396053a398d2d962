package org.lesionsearch.models.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.models.inference.NetworkInput;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchSpec;

/** Runs a block in inference mode over many lesions in batches, during training and evaluation. */
public final class BlockRunner {

    private static final int BATCH = 64;

    private BlockRunner() {
    }

    /**
     * One row per lesion of output {@code output} (row-major {@code [N, D]} split per lesion).
     */
    public static float[][] rows(Block block, NDManager manager, PatchSpec spec, List<String> scales,
                                 List<LesionPatches> lesions, int output) {
        List<float[]> rows = new ArrayList<>(lesions.size());
        for (int from = 0; from < lesions.size(); from += BATCH) {
            List<LesionPatches> chunk = lesions.subList(from, Math.min(lesions.size(), from + BATCH));
            try (NDManager scratch = manager.newSubManager()) {
                NDList in = NetworkInput.stack(spec, scales, chunk).toNDList(scratch);
                NDArray out = block.forward(new ParameterStore(scratch, false), in, false).get(output);
                float[] flat = out.toFloatArray();
                int d = flat.length / chunk.size();
                for (int i = 0; i < chunk.size(); i++) {
                    float[] row = new float[d];
                    System.arraycopy(flat, i * d, row, 0, d);
                    rows.add(row);
                }
            }
        }
        return rows.toArray(new float[0][]);
    }
}
