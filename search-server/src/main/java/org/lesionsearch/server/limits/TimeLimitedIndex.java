package org.lesionsearch.server.limits;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.IndexException;
import org.lesionsearch.core.index.IndexStats;
import org.lesionsearch.core.index.LabelFacets;
import org.lesionsearch.core.index.ForwardingLesionIndex;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;

/**
 * A {@link LesionIndex} whose searches have a deadline: searches, counts, facets and patient
 * listings (and lookups) run on a bounded pool of workers, and a caller waits at most {@code timeout} for one
 * (time spent queued included) before it gets a {@link SearchTimeoutException}; when the queue is
 * full the search is refused at once. A request therefore never hangs on a slow query or a
 * backend that stopped answering, and overload turns into quick refusals rather than a growing
 * backlog. Lookups by id and statistics are limited the same way; writes go straight to the index
 * (a write has its backend's own time-outs, and abandoning one half-way would help nobody).
 */
public final class TimeLimitedIndex extends ForwardingLesionIndex {

    private final LesionIndex index;
    private final Duration timeout;
    private final ThreadPoolExecutor workers;

    /**
     * @param threads searches run at the same time
     * @param queue searches that may wait for a worker
     */
    public TimeLimitedIndex(LesionIndex index, Duration timeout, int threads, int queue) {
        super(index);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the search timeout must be positive, was " + timeout);
        }
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("search workers and queue must be at least 1");
        }
        this.index = index;
        this.timeout = timeout;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "lesion-search-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Workers for a machine: searches are CPU work on Lucene and waiting on Elasticsearch. */
    public static TimeLimitedIndex forMachine(LesionIndex index, Duration timeout) {
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        return new TimeLimitedIndex(index, timeout, threads, 16 * threads);
    }

    public Duration timeout() {
        return timeout;
    }

    private <T> T limited(String what, Callable<T> work) {
        Future<T> future;
        try {
            future = workers.submit(work);
        } catch (RejectedExecutionException e) {
            throw new SearchTimeoutException("the server is busy with other searches; " + what + " was not started",
                    true);
        }
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // not interrupted: an interrupt can close the file channels under a Lucene reader
            future.cancel(false);
            throw new SearchTimeoutException(what + " took longer than " + timeout.toMillis() + " ms and was abandoned",
                    false);
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new IndexException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IndexException(what + " failed: " + cause.getMessage(), cause);
        }
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return limited("the search", () -> index.search(request));
    }

    @Override
    public long count(Filter filter) {
        return limited("counting lesions", () -> index.count(filter));
    }

    @Override
    public LabelFacets facets(Filter filter) {
        return limited("counting labels", () -> index.facets(filter));
    }

    @Override
    public List<Lesion> listByPatient(String patientId) {
        return limited("listing a patient's lesions", () -> index.listByPatient(patientId));
    }

    @Override
    public Optional<Lesion> get(LesionId id) {
        return limited("reading a lesion", () -> index.get(id));
    }

    @Override
    public IndexStats stats() {
        return limited("reading the index statistics", () -> index.stats());
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            super.close();
        }
    }
}
