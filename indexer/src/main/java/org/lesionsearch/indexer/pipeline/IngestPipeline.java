package org.lesionsearch.indexer.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.lesionsearch.core.index.IndexException;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.UpsertResult;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.indexer.patch.PatchExtractor;
import org.lesionsearch.indexer.patch.ThumbnailRenderer;
import org.lesionsearch.indexer.source.LesionCandidate;
import org.lesionsearch.indexer.source.LesionSource;
import org.lesionsearch.indexer.source.Rejection;
import org.lesionsearch.indexer.source.SeriesWork;
import org.lesionsearch.indexer.source.SourceScan;
import org.lesionsearch.models.inference.Encoding;
import org.lesionsearch.models.inference.LesionEncoder;

/**
 * Source to index: series are decoded and cut into patches by parallel workers, encoded in
 * batches by the model, and written to the index in committed batches. Lesions the index already
 * holds are skipped, so a restarted run carries on where the last commit left off and writes
 * nothing twice. Every rejected lesion goes to the rejects report and the run goes on.
 */
public final class IngestPipeline {

    public static final String STAGE_SOURCE = "source", STAGE_PREPARE = "prepare", STAGE_ENCODE = "encode",
            STAGE_INDEX = "index";

    private final LesionEncoder encoder;
    private final LesionIndex index;
    private final IngestOptions options;
    private final ProgressListener progress;

    public IngestPipeline(LesionEncoder encoder, LesionIndex index, IngestOptions options, ProgressListener progress) {
        this.encoder = encoder;
        this.index = index;
        this.options = options;
        this.progress = progress;
    }

    /**
     * @throws IOException when the source cannot be read at all or the report cannot be written
     * @throws IndexException when the index cannot be written; what was committed stays
     * @throws IllegalStateException when the index holds vectors of another model
     */
    public IngestSummary run(LesionSource source) throws IOException {
        ModelInfo model = encoder.model();
        index.model().filter(m -> !m.equals(model)).ifPresent(m -> {
            throw new IllegalStateException("the index holds vectors of " + m + " but the encoder is " + model
                    + "; index into a new folder to change models");
        });
        long start = System.nanoTime();
        // a first commit before any file lands beside the index, so that the folder is always an index
        index.commit();
        Run run = new Run(new RejectsReport(options.rejectsFile()),
                options.thumbnailDir() == null ? null : new ThumbnailStore(options.thumbnailDir()), start);
        try (run.report) {
            SourceScan scan = source.scan();
            for (Rejection r : scan.rejections()) {
                run.reject(STAGE_SOURCE, r);
            }
            List<SeriesWork> pending = skipIndexed(scan, run);
            run.total = pending.stream().mapToLong(s -> s.lesions().size()).sum();
            run.candidates = scan.lesionCount() + scan.rejections().size();
            report(run);
            processAll(pending, run);
            flushEncode(run);
            flushWrite(run);
            return new IngestSummary(source.description(), model.toString(), run.candidates, run.alreadyIndexed,
                    run.indexed, run.rejected, run.byStage, scan.passedOver(), run.slicesDecoded.get(),
                    Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(run.decodeNanos),
                    Duration.ofNanos(run.encodeNanos), Duration.ofNanos(run.writeNanos), options.rejectsFile().toString());
        }
    }

    /** Drops lesions the index already holds, and a second lesion with an id seen before. */
    private List<SeriesWork> skipIndexed(SourceScan scan, Run run) throws IOException {
        Set<String> seen = new HashSet<>();
        List<SeriesWork> pending = new ArrayList<>();
        for (SeriesWork series : scan.series()) {
            List<LesionCandidate> kept = new ArrayList<>();
            for (LesionCandidate c : series.lesions()) {
                if (!seen.add(c.id())) {
                    run.reject(STAGE_SOURCE, new Rejection(c.id(), c.file(), "duplicate lesion id: the source holds another lesion with this id"));
                } else if (index.get(c.lesion().id()).isPresent()) {
                    run.alreadyIndexed++;
                } else {
                    kept.add(c);
                }
            }
            if (!kept.isEmpty()) {
                pending.add(series.withLesions(kept));
            }
        }
        return pending;
    }

    private void processAll(List<SeriesWork> pending, Run run) throws IOException {
        LesionPreparer preparer = new LesionPreparer(new PatchExtractor(encoder.inputSpec()),
                run.thumbnails == null ? null : ThumbnailRenderer.defaults());
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(options.decodeThreads(), r -> {
            Thread t = new Thread(r, "ingest-decode-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Timed> done = new ExecutorCompletionService<>(workers);
            // enough series in flight to keep every worker busy while this thread encodes and writes
            int window = options.decodeThreads() * 4, submitted = 0, received = 0;
            while (received < pending.size()) {
                while (submitted < pending.size() && submitted - received < window) {
                    SeriesWork series = pending.get(submitted++);
                    done.submit(() -> {
                        long t0 = System.nanoTime();
                        LesionPreparer.SeriesOutcome outcome = preparer.prepare(series);
                        return new Timed(outcome, System.nanoTime() - t0);
                    });
                }
                Timed result = take(done);
                received++;
                run.decodeNanos += result.nanos;
                run.slicesDecoded.addAndGet(result.outcome.slicesDecoded());
                for (Rejection r : result.outcome.rejected()) {
                    run.reject(STAGE_PREPARE, r);
                    run.done++;
                }
                for (PreparedLesion p : result.outcome.prepared()) {
                    run.toEncode.add(p);
                    if (run.toEncode.size() >= options.encodeBatch()) {
                        flushEncode(run);
                    }
                }
                report(run);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static Timed take(CompletionService<Timed> done) throws IOException {
        try {
            Future<Timed> f = done.take();
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("ingest interrupted", e);
        } catch (ExecutionException e) {
            // prepare() turns every lesion's failure into a rejection; reaching here is a bug or an Error
            throw new IllegalStateException("a decode worker failed: " + e.getCause(), e.getCause());
        }
    }

    private void flushEncode(Run run) throws IOException {
        if (run.toEncode.isEmpty()) {
            return;
        }
        List<PreparedLesion> batch = List.copyOf(run.toEncode);
        run.toEncode.clear();
        long t0 = System.nanoTime();
        List<Encoding> encodings = encodeIsolatingFailures(batch, run);
        run.encodeNanos += System.nanoTime() - t0;
        for (int i = 0; i < batch.size(); i++) {
            Encoding e = encodings.get(i);
            if (e != null) {
                run.toWrite.add(new Encoded(batch.get(i), e));
                run.done++;
            }
        }
        report(run);
        if (run.toWrite.size() >= options.writeBatch()) {
            flushWrite(run);
        }
    }

    /** Encodes a batch; when the batch fails, encodes its lesions one by one so only the culprits are rejected. */
    private List<Encoding> encodeIsolatingFailures(List<PreparedLesion> batch, Run run) throws IOException {
        try {
            return checked(batch, encoder.encode(batch.stream().map(PreparedLesion::patches).toList()));
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                run.reject(STAGE_ENCODE, rejection(batch.getFirst(), "the model failed: " + LesionPreparer.reason(batchFailure)));
                run.done++;
                return java.util.Collections.singletonList(null);
            }
            List<Encoding> out = new ArrayList<>(batch.size());
            for (PreparedLesion p : batch) {
                out.add(encodeIsolatingFailures(List.of(p), run).getFirst());
            }
            return out;
        }
    }

    private static List<Encoding> checked(List<PreparedLesion> batch, List<Encoding> encodings) {
        if (encodings.size() != batch.size()) {
            throw new IllegalStateException("the encoder returned " + encodings.size() + " encodings for " + batch.size() + " inputs");
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).patches().key().equals(encodings.get(i).key())) {
                throw new IllegalStateException("the encoder returned encodings out of order");
            }
        }
        return encodings;
    }

    private void flushWrite(Run run) throws IOException {
        if (run.toWrite.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        List<Encoded> batch = List.copyOf(run.toWrite);
        run.toWrite.clear();
        List<Lesion> lesions = new ArrayList<>(batch.size());
        List<Encoded> written = new ArrayList<>(batch.size());
        for (Encoded e : batch) {
            try {
                lesions.add(complete(e, run.thumbnails));
                written.add(e);
            } catch (IOException | RuntimeException ex) {
                run.reject(STAGE_INDEX, rejection(e.prepared, "could not be written: " + LesionPreparer.reason(ex)));
            }
        }
        UpsertResult result = index.upsert(lesions);
        index.commit();
        for (UpsertResult.Rejected r : result.rejected()) {
            run.reject(STAGE_INDEX, rejection(written.get(r.position()).prepared, r.reason()));
        }
        run.indexed += result.written();
        run.writeNanos += System.nanoTime() - t0;
        report(run);
    }

    private Lesion complete(Encoded e, ThumbnailStore thumbnails) throws IOException {
        Lesion partial = e.prepared.lesion();
        Lesion.Builder b = partial.toBuilder()
                .embedding(e.encoding.embedding())
                .labelScores(e.encoding.labelScores())
                .labels(e.encoding.labels())
                .model(encoder.model());
        if (partial.location() == null && Double.isFinite(e.encoding.z()) && Double.isFinite(e.prepared.bodyX())) {
            b.location(new BodyLocation(e.prepared.bodyX(), e.prepared.bodyY(), e.encoding.z()));
        }
        if (thumbnails != null && e.prepared.thumbnailPng() != null) {
            b.thumbnail(thumbnails.write(partial.id().value(), e.prepared.thumbnailPng()));
        }
        return b.build();
    }

    private static Rejection rejection(PreparedLesion p, String reason) {
        return new Rejection(p.lesion().id().value(), p.file(), reason);
    }

    private void report(Run run) {
        progress.onProgress(new IngestProgress(run.total, run.done, run.indexed, run.rejected,
                Duration.ofNanos(System.nanoTime() - run.start)));
    }

    private record Timed(LesionPreparer.SeriesOutcome outcome, long nanos) {
    }

    private record Encoded(PreparedLesion prepared, Encoding encoding) {
    }

    /** The state of one run, owned by the thread that calls {@link #run}. */
    private static final class Run {
        final RejectsReport report;
        final ThumbnailStore thumbnails;
        final long start;
        final List<PreparedLesion> toEncode = new ArrayList<>();
        final List<Encoded> toWrite = new ArrayList<>();
        final Map<String, Long> byStage = new LinkedHashMap<>();
        final AtomicInteger slicesDecoded = new AtomicInteger();
        long total, done, candidates, alreadyIndexed, indexed, rejected, decodeNanos, encodeNanos, writeNanos;

        Run(RejectsReport report, ThumbnailStore thumbnails, long start) {
            this.report = report;
            this.thumbnails = thumbnails;
            this.start = start;
        }

        void reject(String stage, Rejection r) throws IOException {
            report.add(stage, r);
            rejected++;
            byStage.merge(stage, 1L, Long::sum);
        }
    }
}
