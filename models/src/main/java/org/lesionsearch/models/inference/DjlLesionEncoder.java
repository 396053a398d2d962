package org.lesionsearch.models.inference;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchSpec;
import org.lesionsearch.models.labeler.LabelRelations;

/**
 * The three networks behind {@link LesionEncoder}: the embedder gives the 1024-d L2-normalised
 * embedding, the labeler the 171 label probabilities and, through per-label thresholds and
 * parent expansion, the predicted labels, and the slice-score network the body z. Inputs are
 * checked, split into batches of at most {@link EncoderOptions#maxBatch()}, and run on a pool of
 * predictor sessions, so one encoder serves many threads.
 */
public final class DjlLesionEncoder implements LesionEncoder {

    private final ModelManifest manifest;
    private final LoadedNetworks networks;
    private final LabelRelations relations;
    private final EncoderOptions options;
    private final PredictorPool<NetworkSession> pool;
    private final ModelInfo model;
    private final float[] thresholds;

    public DjlLesionEncoder(ModelManifest manifest, LoadedNetworks networks, LabelRelations relations, EncoderOptions options) {
        if (!manifest.labels().equals(relations.vocabulary().terms())) {
            throw new IllegalArgumentException("model " + manifest.name() + " predicts labels in an order that differs from"
                    + " the " + relations.size() + "-label vocabulary");
        }
        this.manifest = manifest;
        this.networks = networks;
        this.relations = relations;
        this.options = options;
        this.thresholds = manifest.thresholds();
        this.model = new ModelInfo(manifest.name(), manifest.version() + "+in." + manifest.input().fingerprint());
        this.pool = new PredictorPool<>(options.sessions(), () -> new NetworkSession(networks));
    }

    /** Name, and version with the input specification's fingerprint. */
    @Override
    public ModelInfo model() {
        return model;
    }

    @Override
    public PatchSpec inputSpec() {
        return manifest.input();
    }

    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public List<Encoding> encode(List<LesionPatches> batch) {
        for (LesionPatches patches : batch) {
            manifest.input().problemWith(patches).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        List<Encoding> out = new ArrayList<>(batch.size());
        for (int from = 0; from < batch.size(); from += options.maxBatch()) {
            List<LesionPatches> chunk = batch.subList(from, Math.min(batch.size(), from + options.maxBatch()));
            out.addAll(pool.run(session -> encodeChunk(session, chunk)));
        }
        return out;
    }

    /** Embeddings only: for evaluation and benchmarks of the embedder alone. */
    public float[][] embed(List<LesionPatches> batch) {
        float[][] out = new float[batch.size()][];
        for (int from = 0; from < batch.size(); from += options.maxBatch()) {
            List<LesionPatches> chunk = batch.subList(from, Math.min(batch.size(), from + options.maxBatch()));
            float[] flat = pool.run(s -> s.run(NetworkRole.EMBEDDER, input(NetworkRole.EMBEDDER, chunk)).getFirst());
            float[][] rows = normalisedRows(flat, chunk.size());
            System.arraycopy(rows, 0, out, from, rows.length);
        }
        return out;
    }

    /**
     * Raw scores of the slice-score network, before the z calibration, for body-region patches
     * ({@code 3 x size x size} each, at the one scale that network reads): for judging the order
     * it gives the slices of a volume.
     */
    public double[] sliceScores(List<float[]> regionPatches) {
        List<String> scales = manifest.ssbr().scales();
        if (scales.size() != 1) {
            throw new IllegalStateException("the slice-score network of " + model + " reads " + scales.size()
                    + " scales; slice scores need exactly one");
        }
        int size = manifest.input().scale(scales.getFirst()).orElseThrow().sizePx();
        int per = 3 * size * size;
        double[] out = new double[regionPatches.size()];
        for (int from = 0; from < regionPatches.size(); from += options.maxBatch()) {
            List<float[]> chunk = regionPatches.subList(from, Math.min(regionPatches.size(), from + options.maxBatch()));
            float[] flat = new float[chunk.size() * per];
            for (int i = 0; i < chunk.size(); i++) {
                if (chunk.get(i).length != per) {
                    throw new IllegalArgumentException("slice patch " + (from + i) + " should hold " + per + " values (3 x "
                            + size + " x " + size + ") but holds " + chunk.get(i).length);
                }
                System.arraycopy(chunk.get(i), 0, flat, i * per, per);
            }
            NetworkInput input = new NetworkInput(List.of(flat), List.of(new Shape(chunk.size(), 3, size, size)));
            float[] scores = pool.run(s -> s.run(NetworkRole.SSBR, input).getFirst());
            if (scores.length != chunk.size()) {
                throw new EncodingException("model " + model + " returned " + scores.length + " slice scores for "
                        + chunk.size() + " slices", null);
            }
            for (int i = 0; i < chunk.size(); i++) {
                out[from + i] = scores[i];
            }
        }
        return out;
    }

    /** Runs one network alone on a batch and returns its raw first output; for benchmarks. */
    public float[] runNetwork(NetworkRole role, List<LesionPatches> chunk) {
        return pool.run(s -> s.run(role, input(role, chunk)).getFirst());
    }

    private List<Encoding> encodeChunk(NetworkSession session, List<LesionPatches> chunk) {
        int n = chunk.size();
        float[][] embeddings = normalisedRows(session.run(NetworkRole.EMBEDDER, input(NetworkRole.EMBEDDER, chunk)).getFirst(), n);
        List<float[]> labelerOut = session.run(NetworkRole.LABELER, input(NetworkRole.LABELER, chunk));
        // this project's labeler also returns raw scores and features; predictions use the propagated scores
        float[] logits = labelerOut.size() > 1 ? labelerOut.get(1) : labelerOut.getFirst();
        float[] scores = session.run(NetworkRole.SSBR, input(NetworkRole.SSBR, chunk)).getFirst();
        int labels = manifest.labels().size();
        if (logits.length != n * labels || scores.length != n || embeddings[0].length != Lesion.EMBEDDING_DIM) {
            throw new EncodingException("model " + model + " returned outputs of unexpected size: " + logits.length
                    + " label scores, " + scores.length + " slice scores and " + embeddings[0].length
                    + "-d embeddings for " + n + " lesions", null);
        }
        List<Encoding> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] probabilities = new float[labels];
            BitSet above = new BitSet(labels);
            for (int c = 0; c < labels; c++) {
                probabilities[c] = (float) (1 / (1 + Math.exp(-logits[i * labels + c])));
                if (probabilities[c] >= thresholds[c]) {
                    above.set(c);
                }
            }
            BitSet expanded = relations.expandParents(above);
            Set<String> terms = new LinkedHashSet<>();
            expanded.stream().forEach(c -> terms.add(manifest.labels().get(c)));
            out.add(new Encoding(chunk.get(i).key(), embeddings[i], probabilities, terms, manifest.zCalibration().z(scores[i])));
        }
        return out;
    }

    private NetworkInput input(NetworkRole role, List<LesionPatches> chunk) {
        return NetworkInput.stack(manifest.input(), role.entry(manifest).scales(), chunk);
    }

    /** Splits a flat {@code [n, d]} array into rows, each L2-normalised (TorchScript embedders may not normalise). */
    private static float[][] normalisedRows(float[] flat, int n) {
        int d = flat.length / n;
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                float v = flat[i * d + j];
                rows[i][j] = v;
                sum += v * v;
            }
            float inv = (float) (1 / Math.sqrt(Math.max(sum, 1e-24)));
            for (int j = 0; j < d; j++) {
                rows[i][j] *= inv;
            }
        }
        return rows;
    }

    @Override
    public void close() {
        pool.close();
        networks.close();
    }
}
