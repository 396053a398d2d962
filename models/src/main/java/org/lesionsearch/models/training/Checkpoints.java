package org.lesionsearch.models.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.lesionsearch.models.inference.ModelBundles;

/**
 * A network's latest checkpoint in a run folder: its DJL parameters and the step they were
 * saved after. Resuming loads both and goes on from the next step; the optimiser's moments
 * start afresh.
 */
public final class Checkpoints {

    private final Path params;
    private final Path stepFile;

    public Checkpoints(Path runDir, String network) {
        Path dir = runDir.resolve("checkpoints");
        this.params = dir.resolve(network + ".params");
        this.stepFile = dir.resolve(network + ".step");
    }

    public void save(Block block, int step) throws IOException {
        Files.createDirectories(params.getParent());
        ModelBundles.writeParameters(block, params);
        Path tmp = stepFile.resolveSibling(stepFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(step), StandardCharsets.UTF_8);
        Files.move(tmp, stepFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The step of the saved checkpoint, if there is one. */
    public OptionalInt lastStep() throws IOException {
        if (!Files.exists(stepFile) || !Files.exists(params)) {
            return OptionalInt.empty();
        }
        String text = Files.readString(stepFile, StandardCharsets.UTF_8).trim();
        try {
            return OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IOException(stepFile + ": expected a step number but found '" + text + "'", e);
        }
    }

    /** Loads the saved parameters into an initialised block of the same shape. */
    public void restore(Block block, NDManager manager) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
            block.loadParameters(manager, new DataInputStream(in));
        } catch (MalformedModelException e) {
            throw new IOException(params + " does not fit this network (" + e.getMessage() + "); start without --resume", e);
        }
    }
}
