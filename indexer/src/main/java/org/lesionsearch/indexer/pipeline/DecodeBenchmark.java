package org.lesionsearch.indexer.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lesionsearch.indexer.source.SeriesWork;

/**
 * Times the decode stage of ingest without the model: series decoded and cut into patches (and
 * thumbnails, when the preparer makes them) by a pool of workers, as the pipeline runs them.
 */
public final class DecodeBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private record Timed(LesionPreparer.SeriesOutcome outcome, long cpuNanos) {
    }

    /**
     * One timed pass.
     *
     * @param elapsed wall time
     * @param cpu CPU time the workers spent, summed: on a busy machine it shows the cost that
     *     wall time hides
     */
    public record Pass(String stage, int threads, long lesions, long rejected, long slicesDecoded, Duration elapsed,
            Duration cpu) {

        public double lesionsPerSecond() {
            return lesions / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }

        /** CPU milliseconds per lesion. */
        public double cpuMsPerLesion() {
            return lesions == 0 ? 0 : cpu.toNanos() / 1e6 / lesions;
        }

        public double slicesPerLesion() {
            return lesions == 0 ? 0 : (double) slicesDecoded / lesions;
        }
    }

    /** Runs every series through the preparer on {@code threads} workers and times the whole. */
    public Pass run(String stage, List<SeriesWork> work, LesionPreparer preparer, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<Timed>> futures = new ArrayList<>(work.size());
            for (SeriesWork series : work) {
                futures.add(pool.submit(() -> {
                    long c0 = CPU.getCurrentThreadCpuTime();
                    LesionPreparer.SeriesOutcome o = preparer.prepare(series);
                    return new Timed(o, CPU.getCurrentThreadCpuTime() - c0);
                }));
            }
            long lesions = 0, rejected = 0, slices = 0, cpu = 0;
            for (Future<Timed> f : futures) {
                Timed t = f.get();
                lesions += t.outcome.prepared().size();
                rejected += t.outcome.rejected().size();
                slices += t.outcome.slicesDecoded();
                cpu += t.cpuNanos;
            }
            return new Pass(stage, threads, lesions, rejected, slices, Duration.ofNanos(System.nanoTime() - t0),
                    Duration.ofNanos(cpu));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a decode worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
