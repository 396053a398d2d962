package org.lesionsearch.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.models.inference.Architecture;
import org.lesionsearch.models.inference.LoadedNetworks;
import org.lesionsearch.models.inference.ModelBundles;
import org.lesionsearch.models.inference.ModelManifest;
import org.lesionsearch.models.ssbr.ZCalibration;

/**
 * A real DJL model bundle of the slim design at a tiny width with freshly initialised weights:
 * a test fixture that exercises the real inference path quickly, never a trained model.
 */
public final class TinyModelBundle {

    private TinyModelBundle() {
    }

    public static Path write(Path dir) throws IOException {
        Architecture tiny = Architecture.withWidth(0.0625, 16);
        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        float[] thresholds = new float[vocabulary.size()];
        Arrays.fill(thresholds, 0.5f);
        ModelManifest manifest = new ModelManifest("tiny-untrained-test-model", "0", "nothing: random initial weights (test fixture)",
                tiny.input(), tiny.embedder(), tiny.labeler(), tiny.ssbr(), vocabulary.terms(), thresholds,
                new ZCalibration(0.5, 0.5));
        try (LoadedNetworks networks = LoadedNetworks.fresh(tiny, vocabulary.size())) {
            ModelBundles.write(dir, manifest, networks);
        }
        return dir;
    }
}
