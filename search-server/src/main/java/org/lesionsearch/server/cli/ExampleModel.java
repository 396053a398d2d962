package org.lesionsearch.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.models.inference.EncoderOptions;
import org.lesionsearch.models.inference.LesionEncoder;
import org.lesionsearch.models.inference.ModelBundles;

/** Loads the model that encodes uploaded examples for the web page, checked against the index's vectors. */
final class ExampleModel {

    static final String SHIPPED = "shipped";

    private ExampleModel() {
    }

    /**
     * @param where a bundle folder, or {@value #SHIPPED} for the weights in this build
     * @return the encoder, or {@code null} (with a warning) when it did not make the index's vectors
     */
    static LesionEncoder open(String where, LesionIndex index, PrintWriter err) throws IOException {
        LesionEncoder encoder = where.equals(SHIPPED) ? ModelBundles.openDemo()
                : ModelBundles.open(Path.of(where), EncoderOptions.defaults());
        ModelInfo indexed = index.model().orElse(null);
        if (indexed != null && !indexed.equals(encoder.model())) {
            err.println("warning: the index holds vectors of " + indexed + ", not of " + encoder.model()
                    + "; search by an uploaded example is off");
            err.flush();
            encoder.close();
            return null;
        }
        return encoder;
    }
}
