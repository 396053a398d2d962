package org.lesionsearch.core.index;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.lesionsearch.core.lesion.InvalidLesionException;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionValidator;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.lesion.Violation;

/**
 * What every backend checks before it writes a lesion: the lesion is valid, and its vectors come
 * from the model the index holds. The first embedded lesion claims an index that has no model yet.
 * Thread-safe.
 */
public final class LesionAdmission {

    private final LesionValidator validator;
    private final AtomicReference<ModelInfo> model;

    public LesionAdmission(LesionValidator validator, ModelInfo model) {
        this.validator = validator;
        this.model = new AtomicReference<>(model);
    }

    /** The model of the index's vectors, or {@code null} before the first embedding. */
    public ModelInfo model() {
        return model.get();
    }

    /** Takes {@code found} as the index's model unless it already has one. */
    public void adoptIfNone(ModelInfo found) {
        model.compareAndSet(null, found);
    }

    /** Why a lesion cannot be written, or {@code null} when it can. */
    public String refusal(Lesion lesion) {
        String invalidity = invalidity(lesion);
        return invalidity != null ? invalidity : modelConflict(lesion);
    }

    /** Why a lesion is invalid (missing or failing validation), or {@code null}. */
    public String invalidity(Lesion lesion) {
        if (lesion == null) {
            return "lesion is missing (null)";
        }
        List<Violation> violations = validator.violations(lesion);
        return violations.isEmpty() ? null
                : new InvalidLesionException(lesion.id() == null ? null : lesion.id().value(), violations).getMessage();
    }

    /** Why a valid lesion's model clashes with the index's, or {@code null}; claims the index for it if it has none. */
    public String modelConflict(Lesion lesion) {
        ModelInfo lesionModel = lesion.model();
        if (lesionModel == null) {
            return null;
        }
        ModelInfo indexModel = lesion.embedding() == null ? model.get() : model.compareAndExchange(null, lesionModel);
        if (indexModel != null && !indexModel.equals(lesionModel)) {
            return new ModelMismatchException(lesion.id().value(), indexModel, lesionModel).getMessage();
        }
        return null;
    }
}
