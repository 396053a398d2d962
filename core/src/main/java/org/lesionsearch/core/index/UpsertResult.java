package org.lesionsearch.core.index;

import java.util.List;

/**
 * What an upsert did: how many lesions were written and which were refused and why. A refused
 * lesion never stops the rest of its batch.
 */
public record UpsertResult(int written, List<Rejected> rejected) {

    public UpsertResult {
        rejected = List.copyOf(rejected);
    }

    /** {@code position} is the lesion's index in the batch; {@code lesionId} may be null when it had none. */
    public record Rejected(int position, String lesionId, String reason) {
    }
}
