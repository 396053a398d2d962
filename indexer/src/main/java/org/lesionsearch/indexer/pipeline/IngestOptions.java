package org.lesionsearch.indexer.pipeline;

import java.nio.file.Path;

/**
 * How an ingest runs.
 *
 * @param decodeThreads workers that decode slices and cut patches in parallel
 * @param encodeBatch lesions per call to the encoder
 * @param writeBatch lesions per index write; each write is committed, so a crash loses at most one
 * @param thumbnailDir where thumbnails go, or {@code null} for none
 * @param rejectsFile the JSON-lines report of rejected lesions (truncated at the start of a run)
 */
public record IngestOptions(int decodeThreads, int encodeBatch, int writeBatch, Path thumbnailDir, Path rejectsFile) {

    public IngestOptions {
        if (decodeThreads < 1 || encodeBatch < 1 || writeBatch < 1) {
            throw new IllegalArgumentException("threads and batch sizes must be at least 1");
        }
        if (rejectsFile == null) {
            throw new IllegalArgumentException("a rejects report file is needed");
        }
    }

    /** Thumbnails in {@code <index>/thumbnails}, rejects in {@code <index>/ingest-rejects.jsonl}. */
    public static IngestOptions forIndex(Path indexDir) {
        return new IngestOptions(Runtime.getRuntime().availableProcessors(), 32, 256,
                indexDir.resolve(ThumbnailStore.FOLDER), indexDir.resolve("ingest-rejects.jsonl"));
    }

    public IngestOptions withDecodeThreads(int threads) {
        return new IngestOptions(threads, encodeBatch, writeBatch, thumbnailDir, rejectsFile);
    }

    public IngestOptions withBatches(int encode, int write) {
        return new IngestOptions(decodeThreads, encode, write, thumbnailDir, rejectsFile);
    }
}
