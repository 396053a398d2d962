package org.lesionsearch.core.index;

import org.lesionsearch.core.lesion.ModelInfo;

/** Vectors from one model cannot be compared with another's: an index refuses them. */
public class ModelMismatchException extends IllegalArgumentException {

    public ModelMismatchException(String lesionId, ModelInfo indexModel, ModelInfo lesionModel) {
        super("lesion " + lesionId + " was embedded by " + lesionModel + " but this index holds vectors of "
                + indexModel + "; re-index into a new index to change models");
    }
}
