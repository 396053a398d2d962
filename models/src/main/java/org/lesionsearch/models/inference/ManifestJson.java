package org.lesionsearch.models.inference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads and writes {@code model.json}. */
public final class ManifestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestJson() {
    }

    public static ModelManifest read(InputStream in, String where) throws IOException {
        try {
            return MAPPER.readValue(in, ModelManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(where + "/" + ModelManifest.FILE + " is not a valid model manifest: " + e.getMessage(), e);
        }
    }

    public static void write(ModelManifest manifest, OutputStream out) throws IOException {
        MAPPER.writeValue(out, manifest);
    }
}
