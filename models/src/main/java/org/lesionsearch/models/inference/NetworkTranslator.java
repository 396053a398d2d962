package org.lesionsearch.models.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/** Feeds a {@link NetworkInput} to a network and copies every output array back to Java. */
final class NetworkTranslator implements NoBatchifyTranslator<NetworkInput, List<float[]>> {

    @Override
    public NDList processInput(TranslatorContext ctx, NetworkInput input) {
        return input.toNDList(ctx.getNDManager());
    }

    @Override
    public List<float[]> processOutput(TranslatorContext ctx, NDList list) {
        List<float[]> out = new ArrayList<>(list.size());
        for (NDArray array : list) {
            out.add(array.toFloatArray());
        }
        return out;
    }
}
