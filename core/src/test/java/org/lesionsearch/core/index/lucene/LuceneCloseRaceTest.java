package org.lesionsearch.core.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.IndexException;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.Lesion;

/**
 * Closing an index while other threads still write and commit (a server stopping with requests in
 * flight) closes it cleanly: close waits for the commit under way, later writes are refused with a
 * clear error, and what was committed is there after a reopen.
 */
class LuceneCloseRaceTest {

    @TempDir
    Path tmp;

    @RepeatedTest(3)
    void closeWaitsForCommitsInFlight() throws Exception {
        Path dir = tmp.resolve("index");
        TestLesions fixture = new TestLesions(7);
        List<Lesion> lesions = fixture.cohort(400, 20);
        LuceneLesionIndex index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults());
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        AtomicInteger commits = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t * 100;
            Thread writer = new Thread(() -> {
                for (int i = first; i < first + 100; i++) {
                    try {
                        index.upsert(List.of(lesions.get(i)));
                        index.commit();
                        commits.incrementAndGet();
                    } catch (IllegalStateException | IndexException closed) {
                        if (!String.valueOf(closed.getMessage()).contains("closed")) {
                            unexpected.add(closed);
                        }
                        return;
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                        return;
                    }
                }
            });
            writers.add(writer);
            writer.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (commits.get() < 8 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        index.close();
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(unexpected).isEmpty();
        try (LuceneLesionIndex again = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            assertThat(again.count(Filter.all())).isBetween(8L, 400L);
        }
    }
}
