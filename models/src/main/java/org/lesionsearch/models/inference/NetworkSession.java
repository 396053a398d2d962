package org.lesionsearch.models.inference;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One predictor per network, used by one thread at a time. */
final class NetworkSession implements AutoCloseable {

    private final Map<NetworkRole, Predictor<NetworkInput, List<float[]>>> predictors = new EnumMap<>(NetworkRole.class);

    NetworkSession(LoadedNetworks networks) {
        for (NetworkRole role : NetworkRole.values()) {
            predictors.put(role, networks.model(role).newPredictor(new NetworkTranslator()));
        }
    }

    List<float[]> run(NetworkRole role, NetworkInput input) {
        try {
            return predictors.get(role).predict(input);
        } catch (TranslateException e) {
            throw new EncodingException("the " + role.fileStem() + " network failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictors.values().forEach(Predictor::close);
    }
}
