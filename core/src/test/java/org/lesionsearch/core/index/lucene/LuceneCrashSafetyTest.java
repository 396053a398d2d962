package org.lesionsearch.core.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.Lesion;

/** A writer process killed with SIGKILL loses nothing it committed and duplicates nothing. */
class LuceneCrashSafetyTest {

    private static final int COMMITTED = 300;
    private static final long SEED = 99L;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void committedLesionsSurviveAKilledWriter() throws Exception {
        Path dir = tmp.resolve("index");
        Process writer = startWriter(dir);
        try {
            awaitCommitted(writer);
            Thread.sleep(1500); // let it buffer and flush uncommitted writes
            assertThat(writer.isAlive()).as("writer still writing when killed").isTrue();
        } finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }

        List<Lesion> committed = new TestLesions(SEED).cohort(COMMITTED, 10);
        try (LuceneLesionIndex index = LuceneLesionIndex.open(dir, LuceneIndexOptions.defaults())) {
            assertThat(index.count(Filter.all())).isEqualTo(COMMITTED);
            for (Lesion lesion : committed) {
                assertThat(index.count(new Filter.LesionIs(lesion.id()))).as("copies of %s", lesion.id()).isEqualTo(1);
                assertThat(index.get(lesion.id())).contains(lesion);
            }
            assertThat(index.model()).contains(TestLesions.MODEL);
        }
    }

    private static Process startWriter(Path dir) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(),
                dir.toString(), Integer.toString(COMMITTED), Long.toString(SEED)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitCommitted(Process writer) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(CrashingWriter.COMMITTED)) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("writer exited before committing:\n" + seen);
    }
}
