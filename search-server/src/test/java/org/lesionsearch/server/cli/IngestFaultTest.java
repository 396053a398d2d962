package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.SearchHit;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;

/**
 * The {@code index} command under faults, as real processes over the real DeepLesion sample (24
 * lesions) and a real (tiny) model: killed with SIGKILL mid-run, out of disk space (a file size
 * limit, and a small tmpfs where one can be mounted), and a corrupted index found at start.
 * Every case ends with a clear message and an index that opens, verifies and resumes.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class IngestFaultTest {

    static final int SAMPLE_LESIONS = 24;

    @TempDir
    static Path shared;
    static Path bundle;

    @TempDir
    Path tmp;

    @BeforeAll
    static void writeBundle() throws Exception {
        bundle = TinyModelBundle.write(shared.resolve("tiny-model"));
    }

    @Test
    void killDashNineMidRunThenARerunResumesWithEveryLesionOnce() throws Exception {
        Path index = tmp.resolve("index");
        Process child = start(List.of(), indexArgs(index, "--write-batch", "1", "--encode-batch", "1", "--threads", "1"));
        long committed = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline && child.isAlive()) {
                committed = committedLesions(index);
                if (committed >= 2) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the indexer is still running when killed (committed %d)", committed).isTrue();
            assertThat(committed).isBetween(2L, SAMPLE_LESIONS - 1L);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        long survived = assertIntact(index);
        assertThat(survived).as("every committed lesion survives the kill").isGreaterThanOrEqualTo(committed);

        CommandRun again = CommandRun.of(indexArgs(index, "--json"));
        assertThat(again.code()).as(again.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(again.out());
        assertThat(summary.get("alreadyIndexed").asLong()).isEqualTo(survived);
        assertThat(summary.get("indexed").asLong()).isEqualTo(SAMPLE_LESIONS - survived);
        assertThat(assertIntact(index)).isEqualTo(SAMPLE_LESIONS);
    }

    @Test
    void aFileSizeLimitStopsTheRunWithAClearErrorAndAnIntactIndex() throws Exception {
        Path index = tmp.resolve("limited");
        Process child = start(List.of("ulimit -f 64"), indexArgs(index, "--write-batch", "4"));
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("disk is full or a file size limit was reached").contains("File too large")
                .contains("run the same command again").doesNotContain("\tat ");
        assertFullDiskRecovers(index);
    }

    @Test
    void aFullFilesystemStopsTheRunWithAClearErrorAndAnIntactIndex() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small-disk"));
        assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", mount.toString()) == 0,
                "mounting a small tmpfs needs root; the file size limit case covers the same path");
        try {
            Path index = mount.resolve("index");
            Process child = start(List.of(), indexArgs(index, "--write-batch", "4"));
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(child.exitValue()).as(output).isEqualTo(2);
            assertThat(output).contains("disk is full").contains("No space left on device").doesNotContain("\tat ");
            assertThat(exec("mount", "-o", "remount,size=32m", mount.toString())).isZero();
            assertFullDiskRecovers(index);
        } finally {
            exec("umount", mount.toString());
        }
    }

    @Test
    void aCorruptedIndexFileIsFoundAtStartWithTheRecoveryToFollow() throws Exception {
        Path index = tmp.resolve("corrupt");
        assertThat(CommandRun.of(indexArgs(index)).code()).isZero();
        Path victim;
        try (Stream<Path> files = Files.list(index)) {
            victim = files.filter(f -> f.getFileName().toString().matches(".*\\.(cfs|vec|dvd)$")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(victim, bytes);

        CommandRun served = CommandRun.of("serve", "--index", index.toString(), "--port", "0");
        assertThat(served.code()).isEqualTo(1);
        assertThat(served.err()).contains(index.toAbsolutePath().toString()).contains("corrupted")
                .contains("re-index from the sources").doesNotContain("\tat ");
        CommandRun indexed = CommandRun.of(indexArgs(index));
        assertThat(indexed.code()).isEqualTo(2);
        assertThat(indexed.err()).contains("corrupted");

        // the documented recovery: delete the directory and index the sources again
        try (Stream<Path> files = Files.walk(index)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertThat(CommandRun.of(indexArgs(index)).code()).isZero();
        assertThat(assertIntact(index)).isEqualTo(SAMPLE_LESIONS);
    }

    /** After a full disk: the index opens and verifies; with space again the same command finishes the job. */
    private void assertFullDiskRecovers(Path index) throws Exception {
        long kept = assertIntact(index);
        CommandRun again = CommandRun.of(indexArgs(index, "--json"));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(new ObjectMapper().readTree(again.out()).get("alreadyIndexed").asLong()).isEqualTo(kept);
        assertThat(assertIntact(index)).isEqualTo(SAMPLE_LESIONS);
    }

    /** Opens the index (checksums verified), checks that no lesion is there twice, and answers how many there are. */
    private static long assertIntact(Path index) {
        try (LuceneLesionIndex opened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults())) {
            long total = opened.count(Filter.all());
            List<SearchHit> hits = opened.search(SearchRequest.byFilter(Filter.all(), 100).withPage(100, 0)).hits();
            assertThat(hits).hasSize((int) total);
            for (SearchHit h : hits) {
                assertThat(opened.count(new Filter.LesionIs(h.lesion().id()))).as("copies of %s", h.lesion().id()).isEqualTo(1);
                assertThat(h.lesion().embedding()).isNotNull();
            }
            return total;
        }
    }

    /** Lesions in the last commit, read without the writer's lock, as any reader may. */
    private static long committedLesions(Path index) {
        if (!Files.isDirectory(index)) {
            return 0;
        }
        try (Directory dir = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(dir)) {
                return 0;
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return reader.numDocs();
            }
        } catch (IOException midCommit) {
            return 0;
        }
    }

    private static String[] indexArgs(Path index, String... more) {
        List<String> args = new ArrayList<>(List.of("index", "--source", "deeplesion:" + IndexCommandTest.deepLesion(),
                "--index", index.toString(), "--model", bundle.toString(), "--no-progress"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The command line in a new JVM, after the given shell lines (such as a ulimit). */
    private static Process start(List<String> shellFirst, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-Xmx512m",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), LesionSearchCommand.class.getName()));
        command.addAll(List.of(args));
        if (!shellFirst.isEmpty()) {
            List<String> shell = new ArrayList<>(List.of("bash", "-c", String.join("; ", shellFirst) + "; exec \"$@\"", "bash"));
            shell.addAll(command);
            command = shell;
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int exec(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
