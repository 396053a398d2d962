package org.lesionsearch.models.training;

import java.util.List;

/**
 * What a training run reads: lesions with patches and cues, slice volumes for SSBR, and one line
 * saying where they came from (recorded in the model card and manifest).
 */
public record TrainingData(List<TrainingLesion> lesions, List<SliceVolume> volumes, String description) {

    public TrainingData {
        lesions = List.copyOf(lesions);
        volumes = List.copyOf(volumes);
    }

    public List<TrainingLesion> split(Split split) {
        return lesions.stream().filter(l -> l.split() == split).toList();
    }

    /** The test split, or the validation split when there is no test split. */
    public List<TrainingLesion> heldOut() {
        List<TrainingLesion> test = split(Split.TEST);
        return test.isEmpty() ? split(Split.VALIDATION) : test;
    }
}
