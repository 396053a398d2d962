package org.lesionsearch.indexer.synth;

import java.nio.file.Path;

/** What a generation run wrote, and how long it took. */
public record CohortSummary(Path out, int patients, int studies, int lesionInstances, int measuredLesions,
                            long slices, double seconds) {
}
