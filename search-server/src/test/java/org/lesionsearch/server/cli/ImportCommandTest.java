package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.index.SearchResult;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.server.api.json.ApiJson;

/** {@code lesion-search import} on files of good and bad lines, into a real index. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = ApiJson.mapper();
    private final TestLesions fixtures = new TestLesions(21);

    private String line(Lesion lesion) throws Exception {
        return mapper.writeValueAsString(lesion);
    }

    @Test
    void goodLinesAreImportedAndSearchableWhileBadOnesAreListedWithLineNumbersAndReasons() throws Exception {
        List<Lesion> good = fixtures.cohort(30, 4);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(line(good.get(i)));                                                  // lines 1-10
        }
        lines.add("{\"id\": \"broken\", \"patientId\": ");                                    // 11 malformed JSON
        ObjectNode nan = mapper.valueToTree(fixtures.lesion("nan_1", "PN", "PN_S1").build());
        lines.add(nan.toString().replaceFirst("\"embedding\":\\[[^,]+", "\"embedding\":[NaN")); // 12 NaN
        ObjectNode shortVector = mapper.valueToTree(fixtures.lesion("dims_1", "PD", "PD_S1").build());
        ((ArrayNode) shortVector.get("embedding")).remove(0);
        lines.add(shortVector.toString());                                                   // 13 wrong dims
        lines.add("");                                                                      // 14 blank: skipped
        lines.add(line(fixtures.lesion("label_1", "PL", "PL_S1").labels(java.util.Set.of("liver", "banana")).build())); // 15
        ObjectNode noId = mapper.valueToTree(fixtures.lesion("noid_1", "PI", "PI_S1").build());
        noId.remove("id");
        lines.add(noId.toString());                                                          // 16 missing id
        lines.add(line(fixtures.lesion("pid_1", "PP", "PP_S1").patientId(null).build()));    // 17 missing patient id
        lines.add("[1, 2, 3]");                                                              // 18 not an object
        lines.add(line(fixtures.lesion("model_1", "PM", "PM_S1").model(TestLesions.OTHER_MODEL).build())); // 19 other model
        for (int i = 10; i < 30; i++) {
            lines.add(line(good.get(i)));                                                  // 20-39
        }
        Path file = dir.resolve("lesions.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Path index = dir.resolve("index");
        Path rejectedOut = dir.resolve("rejected.txt");

        CommandRun run = CommandRun.of("import", "--index", index.toString(), file.toString(), "--batch-size", "7",
                "--rejected-out", rejectedOut.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("records\\s+38").containsPattern("imported\\s+30").containsPattern("rejected\\s+8");
        assertThat(run.out()).contains(
                "line 11: malformed JSON at column",
                "line 12: ", "NaN",
                "line 13 (dims_1): embedding: dimension mismatch: expected 1024 floats, got 1023",
                "line 15 (label_1): labels: unknown label 'banana'",
                "line 16: id: is missing",
                "line 17 (pid_1): patientId: is missing",
                "line 18: ",
                "line 19 (model_1): lesion model_1 was embedded by test-embedder@2");
        assertThat(Files.readAllLines(rejectedOut)).hasSize(8).allSatisfy(l -> assertThat(l).startsWith("line "));

        try (LuceneLesionIndex opened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults())) {
            assertThat(opened.count(Filter.all())).isEqualTo(30);
            Lesion probe = good.get(23);
            assertThat(opened.get(probe.id())).contains(probe);
            SearchResult found = opened.search(SearchRequest.byVector(probe.embedding(), Filter.all(), 1));
            assertThat(found.hits().getFirst().lesion().id()).isEqualTo(probe.id());
            assertThat(opened.get(LesionId.of("label_1"))).isEmpty();
        }

        CommandRun json = CommandRun.of("import", "--index", index.toString(), file.toString(), "--json", "--no-progress");
        assertThat(json.code()).isZero();
        var summary = mapper.readTree(json.out());
        assertThat(summary.get("imported").asLong()).isEqualTo(30);
        assertThat(summary.get("rejected").asLong()).isEqualTo(8);
        assertThat(summary.at("/rejections/0/line").asLong()).isEqualTo(11);
        try (LuceneLesionIndex opened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults())) {
            assertThat(opened.count(Filter.all())).as("a second import of the same file adds no duplicates").isEqualTo(30);
        }
    }

    @Test
    void everyWrittenBatchIsInTheAuditLogByPseudonymWithTheUserWhoWroteIt() throws Exception {
        List<Lesion> good = fixtures.cohort(12, 3);
        List<String> lines = new ArrayList<>();
        for (Lesion lesion : good) {
            lines.add(line(lesion));
        }
        lines.add(line(fixtures.lesion("label_1", "PL", "PL_S1").labels(java.util.Set.of("banana")).build()));
        Path file = dir.resolve("audited.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Path audit = dir.resolve("audit/log.jsonl");

        CommandRun run = CommandRun.of("import", "--index", dir.resolve("index").toString(), file.toString(), "--batch-size", "5",
                "--audit-log", audit.toString(), "--no-progress");

        assertThat(run.code()).as(run.err()).isZero();
        List<String> entries = Files.readAllLines(audit);
        assertThat(entries).hasSize(3);
        long written = 0;
        for (String entry : entries) {
            var event = mapper.readTree(entry);
            assertThat(event.get("token").asText()).isEqualTo("cli:" + System.getProperty("user.name"));
            assertThat(event.get("endpoint").asText()).isEqualTo("lesion-search import");
            assertThat(event.get("method").asText()).isEqualTo("UPSERT");
            written += event.get("results").asLong();
        }
        assertThat(written).as("the rejected lesion is not counted").isEqualTo(good.size());
        String log = String.join("\n", entries);
        for (Lesion lesion : good) {
            assertThat(log).as("patients appear by pseudonym only").doesNotContain("\"" + lesion.patientId() + "\"")
                    .doesNotContain(lesion.id().value());
        }
    }

        @Test
    void aFileWithNothingImportableExitsWithOneAndAMissingFileWithTwo() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "not json\n{\"id\":\"x\"}\n");
        CommandRun none = CommandRun.of("import", "--index", dir.resolve("index").toString(), bad.toString(), "--no-progress");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.out()).containsPattern("imported\\s+0").contains("line 1: malformed JSON", "line 2 (x): patientId: is missing");

        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n\n");
        CommandRun nothing = CommandRun.of("import", "--index", dir.resolve("index").toString(), empty.toString());
        assertThat(nothing.code()).isEqualTo(1);
        assertThat(nothing.out()).contains("the input holds no records");

        CommandRun missing = CommandRun.of("import", "--index", dir.resolve("index").toString(), dir.resolve("nope.jsonl").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jsonl does not exist");
    }

    @Test
    void manyRejectionsAreSummarisedAndAnOverlongLineIsRefusedWithoutReadingItIntoMemory() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("{\"id\":\"x").append(i).append("\"}\n");
        }
        text.append("[").append("0,".repeat(3_000_000)).append("0]\n");
        text.append(line(fixtures.lesion("ok_1", "PO", "PO_S1").build())).append('\n');
        Path file = dir.resolve("many.jsonl");
        Files.writeString(file, text);
        CommandRun run = CommandRun.of("import", "--index", dir.resolve("index").toString(), file.toString(), "--show-rejected", "5", "--no-progress");
        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("imported\\s+1").containsPattern("rejected\\s+31")
                .contains("line 1 (x0): patientId: is missing", "... and 26 more (--rejected-out FILE lists them all)");
        CommandRun all = CommandRun.of("import", "--index", dir.resolve("index").toString(), file.toString(), "--show-rejected", "100", "--no-progress");
        assertThat(all.out()).contains("line 31: line is 6000003 characters long, more than the limit of 4194304");
    }

    @Test
    void everyCommandOfThisAreaHasHelpWithExamples() {
        for (String command : List.of("serve", "import", "demo")) {
            CommandRun help = CommandRun.of(command, "--help");
            assertThat(help.code()).isZero();
            assertThat(help.out()).as(command).contains("Usage: lesion-search " + command, "Examples:", "lesion-search " + command + " ");
        }
    }
}
