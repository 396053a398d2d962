package org.lesionsearch.models.inference;

import ai.djl.nn.Block;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.models.embedder.EmbedderSpec;
import org.lesionsearch.models.embedder.LesionEmbedderBlock;
import org.lesionsearch.models.labeler.LabelerBlock;
import org.lesionsearch.models.labeler.LabelerSpec;
import org.lesionsearch.models.ssbr.SliceScoreBlock;
import org.lesionsearch.models.ssbr.SliceScoreSpec;

/** The three networks of a bundle and how each one's DJL block is built from its entry. */
public enum NetworkRole {
    EMBEDDER("embedder"), LABELER("labeler"), SSBR("ssbr");

    private final String fileStem;

    NetworkRole(String fileStem) {
        this.fileStem = fileStem;
    }

    public String fileStem() {
        return fileStem;
    }

    public NetworkEntry entry(ModelManifest manifest) {
        return switch (this) {
            case EMBEDDER -> manifest.embedder();
            case LABELER -> manifest.labeler();
            case SSBR -> manifest.ssbr();
        };
    }

    /** A fresh, uninitialised block of this role shaped as {@code entry} says. */
    public Block newBlock(NetworkEntry entry, int labels) {
        return switch (this) {
            case EMBEDDER -> new LesionEmbedderBlock(new EmbedderSpec(entry.backbone(), entry.scales(), Lesion.EMBEDDING_DIM));
            case LABELER -> new LabelerBlock(new LabelerSpec(entry.backbone(), entry.scales(),
                    entry.featureDim() == null ? 256 : entry.featureDim(), labels));
            case SSBR -> new SliceScoreBlock(new SliceScoreSpec(entry.backbone(), entry.scales().getFirst()));
        };
    }
}
