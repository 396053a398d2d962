package org.lesionsearch.indexer.pipeline;

/** Told how an ingest goes, from the thread that writes the index. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = p -> { };

    void onProgress(IngestProgress progress);
}
