package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;

class IndexCommandTest {

    @TempDir
    static Path shared;

    static Path bundle;

    @TempDir
    Path tmp;

    @BeforeAll
    static void writeBundle() throws Exception {
        bundle = TinyModelBundle.write(shared.resolve("tiny-model"));
    }

    static Path deepLesion() {
        String configured = System.getProperty("lesionsearch.shared");
        return Path.of(configured != null ? configured : "../../shared").resolve("data/deeplesion").toAbsolutePath();
    }

    @Test
    void indexesTheRealDeepLesionSampleThroughARealModelAndResumes() throws Exception {
        Path index = tmp.resolve("index");
        Path audit = tmp.resolve("audit.jsonl");
        CommandRun first = CommandRun.of("index", "--source", "deeplesion:" + deepLesion(), "--index", index.toString(), "--model", bundle.toString(),
                "--audit-log", audit.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(Files.readAllLines(audit)).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("\"endpoint\":\"lesion-search index\"").doesNotContain("003663"))
                .extracting(line -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("results").asInt())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Integer.class))
                .satisfies(counts -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(24));
        assertThat(first.err()).contains("100%  24/24 lesions");
        assertThat(first.out()).containsPattern("indexed +24\n").containsPattern("rejected +0\n")
                .contains("model                         tiny-untrained-test-model@0")
                .contains("4,865 rows whose key slice is absent from Images_png");
        try (LuceneLesionIndex opened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults())) {
            assertThat(opened.count(Filter.all())).isEqualTo(24);
            Lesion l = opened.get(LesionId.of("003663_01_03_237_1")).orElseThrow();
            assertThat(l.embedding()).hasSize(Lesion.EMBEDDING_DIM);
            assertThat(l.labelScores()).hasSize(171);
            assertThat(Files.exists(index.resolve(l.thumbnail()))).isTrue();
        }
        CommandRun again = CommandRun.of("index", "--source", "deeplesion:" + deepLesion(), "--index", index.toString(), "--model", bundle.toString(),
                "--json");
        assertThat(again.code()).isZero();
        JsonNode summary = new ObjectMapper().readTree(again.out());
        assertThat(summary.get("alreadyIndexed").asLong()).isEqualTo(24);
        assertThat(summary.get("indexed").asLong()).isZero();
        assertThat(summary.get("lesionsInSource").asLong()).isEqualTo(24);
        assertThat(summary.get("passedOver").get("rows whose key slice is absent from Images_png").asLong()).isEqualTo(4865);
        assertThat(again.err()).contains("0/0 lesions");
    }

    @Test
    void withoutModelWeightsItFailsSayingSo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-model"));
        CommandRun r = CommandRun.of("index", "--source", "deeplesion:" + deepLesion(), "--index", tmp.resolve("i").toString(), "--model", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("index: cannot load the model: no model weights are installed at");
    }

    @Test
    void nothingToIndexExitsWithOne() throws Exception {
        Path root = tmp.resolve("dl");
        Files.createDirectories(root.resolve("Images_png"));
        Files.writeString(root.resolve("DL_info.csv"),
                String.join(",", org.lesionsearch.indexer.deeplesion.DeepLesionCsvReader.COLUMNS) + "\n");
        CommandRun r = CommandRun.of("index", "--source", "deeplesion:" + root, "--index", tmp.resolve("i").toString(), "--model", bundle.toString(),
                "--no-progress");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("nothing to index: the source holds no measured lesions");
    }

    @Test
    void badSourcesAndUnusableIndexesAreRefused() throws Exception {
        CommandRun kind = CommandRun.of("index", "--source", "pacs:/x", "--index", tmp.resolve("i").toString(), "--model", bundle.toString());
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown source 'pacs:/x' (expected deeplesion:DIR, dicom:DIR or dicomweb:URL)");
        CommandRun missing = CommandRun.of("index", "--source", "dicom:" + tmp.resolve("nowhere"), "--index", tmp.resolve("i").toString(),
                "--model", bundle.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such DICOM folder");
        Path notAnIndex = Files.createDirectories(tmp.resolve("junk"));
        Files.writeString(notAnIndex.resolve("notes.txt"), "not an index");
        CommandRun junk = CommandRun.of("index", "--source", "deeplesion:" + deepLesion(), "--index", notAnIndex.toString(), "--model", bundle.toString());
        assertThat(junk.code()).isEqualTo(2);
        assertThat(junk.err()).contains("index: the index cannot be used:").contains(notAnIndex.toString());
    }

    @Test
    void helpShowsExamples() {
        CommandRun r = CommandRun.of("index", "--help");
        assertThat(r.out()).contains("Examples:").contains("--source deeplesion:");
    }
}
