package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlStateTest {

    private static final URI PACS = URI.create("http://127.0.0.1:8042/dicom-web");

    @TempDir
    Path tmp;

    @Test
    void whatWasSavedIsWhatLoads() throws IOException {
        Path file = tmp.resolve("state/crawl.json");
        CrawlState state = CrawlState.load(file, PACS);
        assertThat(state.watermark()).isNull();
        state.markSeen("1.2.3", "1.2.3.1");
        state.markHandled(new StudyRef("1.2.3", LocalDate.of(2020, 5, 1), List.of("CT"), 2));
        state.watermark(LocalDate.of(2020, 5, 1));
        state.save();

        CrawlState again = CrawlState.load(file, PACS);
        assertThat(again.watermark()).isEqualTo(LocalDate.of(2020, 5, 1));
        assertThat(again.seen("1.2.3", "1.2.3.1")).isTrue();
        assertThat(again.seen("1.2.3", "1.2.3.2")).isFalse();
        assertThat(again.unchanged(new StudyRef("1.2.3", null, List.of(), 2))).isTrue();
        assertThat(again.unchanged(new StudyRef("1.2.3", null, List.of(), 3))).isFalse();
        assertThat(again.unchanged(new StudyRef("1.2.3", null, List.of(), -1))).isFalse();
        assertThat(again.seenSeriesCount()).isEqualTo(1);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void aStateOfAnotherPacsIsRefused() {
        Path file = tmp.resolve("crawl.json");
        CrawlState.load(file, PACS).save();
        assertThatThrownBy(() -> CrawlState.load(file, URI.create("http://other:8042/dicom-web")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to " + PACS);
    }

    @Test
    void aCorruptStateFileNamesTheFile() throws IOException {
        Path file = tmp.resolve("crawl.json");
        Files.writeString(file, "{\"version\": 1, \"source\": ");
        assertThatThrownBy(() -> CrawlState.load(file, PACS)).hasMessageContaining(file.toString()).hasMessageContaining("not valid");
        Files.writeString(file, "{\"version\": 7, \"source\": \"x\"}");
        assertThatThrownBy(() -> CrawlState.load(file, PACS)).hasMessageContaining("version 7");
        Files.writeString(file, "{\"version\": 1, \"source\": \"" + PACS + "\", \"watermark\": \"yesterday\"}");
        assertThatThrownBy(() -> CrawlState.load(file, PACS)).hasMessageContaining("invalid watermark 'yesterday'");
        Files.writeString(file, "{\"version\": 1, \"source\": \"" + PACS + "\", \"extra\": 1}");
        assertThatThrownBy(() -> CrawlState.load(file, PACS)).hasMessageContaining("extra");
    }
}
