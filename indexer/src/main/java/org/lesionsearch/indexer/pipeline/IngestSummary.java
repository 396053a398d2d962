package org.lesionsearch.indexer.pipeline;

import java.time.Duration;
import java.util.Map;

/**
 * The account of one ingest run.
 *
 * @param candidates lesions the source offered (rejected ones included)
 * @param alreadyIndexed lesions skipped because the index held them from an earlier run
 * @param indexed lesions written and committed this run
 * @param rejected lesions or files refused, each listed in the rejects report
 * @param rejectedByStage rejections counted by where they happened: source, prepare, encode, index
 * @param passedOver what the source left aside on purpose, with counts
 * @param slicesDecoded slices decoded (each once per series however many lesions use it)
 * @param decodeTime time the workers spent decoding and cutting patches, summed over workers
 * @param encodeTime time spent in the encoder
 * @param writeTime time spent writing thumbnails, writing the index and committing
 */
public record IngestSummary(String source, String model, long candidates, long alreadyIndexed, long indexed,
        long rejected, Map<String, Long> rejectedByStage, Map<String, Long> passedOver, long slicesDecoded,
        Duration elapsed, Duration decodeTime, Duration encodeTime, Duration writeTime, String rejectsFile) {

    public IngestSummary {
        rejectedByStage = Map.copyOf(rejectedByStage);
        passedOver = Map.copyOf(passedOver);
    }

    /** Lesions indexed per second of wall time. */
    public double lesionsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : indexed / s;
    }

    /** Whether the run failed: there was something new to index and none of it could be. */
    public boolean nothingIndexed() {
        return indexed == 0 && (candidates - alreadyIndexed > 0 || candidates == 0 && alreadyIndexed == 0);
    }
}
