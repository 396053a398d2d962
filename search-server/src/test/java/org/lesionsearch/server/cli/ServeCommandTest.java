package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.server.api.ApiHarness;

/** {@code serve} refuses clearly what it cannot do, without a stack trace and without leaving the index locked. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        CommandRun r = CommandRun.of(args);
        return new String[] {Integer.toString(r.code()), r.out(), r.err()};
    }

    @Test
    void aPortInUseIsAnErrorNamingTheAddressAndTheIndexIsReleased() {
        Path index = dir.resolve("index");
        try (ApiHarness other = ApiHarness.start(dir.resolve("other"))) {
            int busy = other.server().port();
            String[] result = run("serve", "--index", index.toString(), "--port", Integer.toString(busy));
            assertThat(result[0]).isEqualTo("1");
            assertThat(result[2]).contains("error: cannot listen on 127.0.0.1:" + busy).doesNotContain("\tat ");
        }
        try (LuceneLesionIndex reopened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults())) {
            assertThat(reopened.count(Filter.all())).isZero();
        }
    }

    @Test
    void aCorruptedIndexIsAnErrorNamingTheDirectory() throws Exception {
        Path index = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(index.resolve("segments_1"), "not a lucene commit");
        String[] result = run("serve", "--index", index.toString(), "--port", "0");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).startsWith("error: ").contains(index.toString()).doesNotContain("\tat ");
    }

    @Test
    void invalidLimitsAreUsageErrors() {
        String[] result = run("serve", "--index", dir.toString(), "--port", "70000");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("port must be between 0 and 65535, was 70000");
    }
}
