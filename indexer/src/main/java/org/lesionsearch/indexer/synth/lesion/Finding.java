package org.lesionsearch.indexer.synth.lesion;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.indexer.synth.anatomy.Organ;

/**
 * What a radiologist would call a lesion: where it is, what it is and how it looks, each as
 * words with the labels they carry. Fixed for the lesion's life; only its size changes.
 *
 * @param host the organ or tissue it lies in
 * @param location e.g. "right lower lobe", carrying the finest body-part label the position allows
 * @param noun e.g. "nodule", "lymph node", "cyst"
 * @param attributes appearance words, e.g. "spiculated", each with its label
 * @param benign benign lesions (cysts, calcified granulomas) do not change over time
 * @param suspicion an uncertain diagnosis a radiologist might add ("likely hemangioma"), or null
 */
public record Finding(LesionKind kind, CoarseType coarseType, Organ host, Phrase location, Phrase noun,
                      List<Phrase> attributes, boolean benign, Phrase suspicion) {

    public Finding {
        attributes = List.copyOf(attributes);
    }

    /** The labels of location, noun and attributes (size words excluded). */
    public Set<String> labels() {
        Set<String> labels = new LinkedHashSet<>(location.labels());
        labels.addAll(noun.labels());
        for (Phrase p : attributes) {
            labels.addAll(p.labels());
        }
        if (labels.contains("lobular") && labels.contains("mass")) {
            labels.add("lobular mass");
        }
        return labels;
    }

    /** Whether the lesion is called a lymph node (size thresholds and wording differ). */
    public boolean isNode() {
        return kind.isNode();
    }
}
