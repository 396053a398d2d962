package org.lesionsearch.models.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A fixed set of sessions (DJL predictors are not thread-safe) lent to one caller at a time.
 * Callers beyond the pool size wait, which also bounds how many inference calls compete for the
 * CPU at once.
 */
public final class PredictorPool<S extends AutoCloseable> implements AutoCloseable {

    private final BlockingQueue<S> idle;
    private final List<S> all = new ArrayList<>();

    public PredictorPool(int size, Supplier<S> factory) {
        if (size < 1) {
            throw new IllegalArgumentException("a predictor pool needs at least one session, got " + size);
        }
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            S session = factory.get();
            all.add(session);
            idle.add(session);
        }
    }

    public int size() {
        return all.size();
    }

    /** Runs {@code work} with a session of its own, waiting for one if all are busy. */
    public <R> R run(Function<S, R> work) {
        S session;
        try {
            session = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free predictor", e);
        }
        try {
            return work.apply(session);
        } finally {
            idle.add(session);
        }
    }

    @Override
    public void close() {
        for (S session : all) {
            try {
                session.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close a predictor session", e);
            }
        }
    }
}
