package org.lesionsearch.models.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import org.lesionsearch.models.input.PatchSpec;

/** The three networks of a bundle, loaded into DJL models on the PyTorch engine (CPU). */
public final class LoadedNetworks implements AutoCloseable {

    public static final String ENGINE = "PyTorch";

    private final Map<NetworkRole, Model> models;

    private LoadedNetworks(Map<NetworkRole, Model> models) {
        this.models = models;
    }

    /** Freshly initialised networks of an architecture, ready to train. */
    public static LoadedNetworks fresh(Architecture architecture, int labels) {
        Map<NetworkRole, Model> models = new EnumMap<>(NetworkRole.class);
        for (NetworkRole role : NetworkRole.values()) {
            Model model = Model.newInstance(role.fileStem(), ENGINE);
            model.setBlock(initialised(role, architecture.entry(role), architecture.input(), labels, model));
            models.put(role, model);
        }
        return new LoadedNetworks(models);
    }

    private static Block initialised(NetworkRole role, NetworkEntry entry, PatchSpec input, int labels, Model model) {
        Block block = role.newBlock(entry, labels);
        Shape[] shapes = entry.scales().stream()
                .map(name -> input.scale(name).orElseThrow())
                .map(scale -> new Shape(1, 3, scale.sizePx(), scale.sizePx()))
                .toArray(Shape[]::new);
        block.initialize(model.getNDManager(), DataType.FLOAT32, shapes);
        return block;
    }

    public static LoadedNetworks load(ModelManifest manifest, BundleFiles files) throws IOException {
        Map<NetworkRole, Model> models = new EnumMap<>(NetworkRole.class);
        try {
            for (NetworkRole role : NetworkRole.values()) {
                models.put(role, load(role, role.entry(manifest), manifest, files));
            }
            return new LoadedNetworks(models);
        } catch (IOException | RuntimeException e) {
            models.values().forEach(Model::close);
            throw e;
        }
    }

    private static Model load(NetworkRole role, NetworkEntry entry, ModelManifest manifest, BundleFiles files) throws IOException {
        Model model = Model.newInstance(role.fileStem(), ENGINE);
        try (InputStream in = new BufferedInputStream(files.open(entry.file()))) {
            switch (entry.format()) {
                case DJL -> {
                    if (entry.file().endsWith(HalfPrecisionParameters.EXTENSION)) {
                        Block block = initialised(role, entry, manifest.input(), manifest.labels().size(), model);
                        HalfPrecisionParameters.read(block, new DataInputStream(in), files + "/" + entry.file());
                        model.setBlock(block);
                    } else {
                        Block block = role.newBlock(entry, manifest.labels().size());
                        block.loadParameters(model.getNDManager(), new DataInputStream(in));
                        model.setBlock(block);
                    }
                }
                case TORCHSCRIPT -> model.load(in);
            }
            return model;
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("model bundle " + files + ": cannot load the " + role.fileStem() + " from "
                    + entry.file() + " (" + entry.format() + "): " + e.getMessage(), e);
        } catch (IOException e) {
            model.close();
            throw e;
        }
    }

    public Block block(NetworkRole role) {
        return models.get(role).getBlock();
    }

    public Model model(NetworkRole role) {
        return models.get(role);
    }

    @Override
    public void close() {
        models.values().forEach(Model::close);
    }
}
