package org.lesionsearch.models.inference;

import ai.djl.nn.Block;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lesionsearch.models.labeler.LabelRelations;

/**
 * Opens and writes model bundles: a {@code model.json} manifest beside the weights of the three
 * networks (DJL parameters, or TorchScript modules trained elsewhere). The demo bundle ships in
 * this jar under {@value #DEMO_FOLDER}.
 */
public final class ModelBundles {

    public static final String DEMO_FOLDER = "org/lesionsearch/models/demo";

    private ModelBundles() {
    }

    /** The bundle shipped with the project. */
    public static BundleFiles demo() {
        return new BundleFiles.Classpath(DEMO_FOLDER, ModelBundles.class.getClassLoader());
    }

    public static boolean demoAvailable() {
        return demo().exists(ModelManifest.FILE);
    }

    /** An encoder over the shipped demo weights with default options. */
    public static DjlLesionEncoder openDemo() throws IOException {
        return open(demo(), EncoderOptions.defaults());
    }

    public static DjlLesionEncoder open(Path dir, EncoderOptions options) throws IOException {
        return open(new BundleFiles.Directory(dir), options);
    }

    public static DjlLesionEncoder open(BundleFiles files, EncoderOptions options) throws IOException {
        ModelManifest manifest = readManifest(files);
        LoadedNetworks networks = LoadedNetworks.load(manifest, files);
        try {
            return new DjlLesionEncoder(manifest, networks, LabelRelations.lesaNet(), options);
        } catch (RuntimeException e) {
            networks.close();
            throw e;
        }
    }

    public static ModelManifest readManifest(BundleFiles files) throws IOException {
        if (!files.exists(ModelManifest.FILE)) {
            throw new IOException("no model weights are installed at " + files + ": " + ModelManifest.FILE
                    + " is missing (train some with 'lesion-search train' or pass a bundle folder)");
        }
        try (InputStream in = files.open(ModelManifest.FILE)) {
            return ManifestJson.read(in, files.toString());
        }
    }

    /** Writes the manifest and the DJL parameters of every network stored as {@link NetworkFormat#DJL}. */
    public static void write(Path dir, ModelManifest manifest, LoadedNetworks networks) throws IOException {
        Files.createDirectories(dir);
        for (NetworkRole role : NetworkRole.values()) {
            NetworkEntry entry = role.entry(manifest);
            if (entry.format() == NetworkFormat.DJL) {
                writeParameters(networks.block(role), dir.resolve(entry.file()));
            }
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(ModelManifest.FILE))) {
            ManifestJson.write(manifest, out);
        }
    }

    /**
     * A block's parameters, written to a temporary file first so a crash leaves the old file
     * whole: half precision when the name ends with {@value HalfPrecisionParameters#EXTENSION},
     * else DJL's own float32 format.
     */
    public static void writeParameters(Block block, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            if (file.getFileName().toString().endsWith(HalfPrecisionParameters.EXTENSION)) {
                HalfPrecisionParameters.write(block, out);
            } else {
                block.saveParameters(out);
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
