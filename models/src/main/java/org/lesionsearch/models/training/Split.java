package org.lesionsearch.models.training;

/** DeepLesion's {@code Train_Val_Test} split of a lesion: train, validation or test. */
public enum Split {
    TRAIN, VALIDATION, TEST
}
