package org.lesionsearch.core.index.lucene;

import java.nio.file.Path;
import java.util.List;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.Lesion;

/**
 * The writer process of {@link LuceneCrashSafetyTest}: commits a batch, says so on stdout, then
 * rewrites the committed lesions and adds new ones without committing until it is killed.
 */
public final class CrashingWriter {

    static final String COMMITTED = "COMMITTED";

    private CrashingWriter() {
    }

    /** Arguments: index directory, number of lesions to commit, fixture seed. */
    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        int committed = Integer.parseInt(args[1]);
        TestLesions fixture = new TestLesions(Long.parseLong(args[2]));
        LuceneLesionIndex index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults());
        index.upsert(fixture.cohort(committed, 10));
        index.commit();
        System.out.println(COMMITTED);
        System.out.flush();
        TestLesions more = new TestLesions(7);
        for (int round = 0; ; round++) {
            // same ids as the committed lesions (updates) plus new ones, never committed
            List<Lesion> rewrite = more.cohort(committed + 50, 10);
            index.upsert(rewrite);
            if (round % 5 == 0) {
                index.count(org.lesionsearch.core.index.Filter.all());
            }
            Thread.sleep(5);
        }
    }
}
