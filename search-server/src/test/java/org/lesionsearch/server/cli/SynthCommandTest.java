package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synth} writes a cohort and its summary; {@code contact-sheet} draws it. */
class SynthCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesACohortThenItsContactSheet() throws Exception {
        Path cohort = tmp.resolve("cohort");
        CommandRun synth = CommandRun.of("synth", "--patients", "1", "--seed", "3", "--out", cohort.toString(), "--neighbours", "1", "--json");
        assertThat(synth.code()).as(synth.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(synth.out());
        assertThat(summary.get("patients").asInt()).isEqualTo(1);
        assertThat(summary.get("measuredLesions").asInt()).isPositive();
        assertThat(synth.err()).contains("1/1 patients");
        assertThat(cohort.resolve("DL_info.csv")).isRegularFile();
        assertThat(cohort.resolve("ground_truth.jsonl")).isRegularFile();
        assertThat(Files.readString(cohort.resolve("SYNTHETIC_DATA.txt"))).contains("NOT CLINICAL DATA");

        Path sheet = tmp.resolve("sheet.png");
        CommandRun draw = CommandRun.of("contact-sheet", "--data", cohort.toString(), "--out", sheet.toString(), "--columns", "2", "--tile", "64");
        assertThat(draw.code()).as(draw.err()).isZero();
        assertThat(draw.out()).contains("wrote");
        assertThat(ImageIO.read(sheet.toFile()).getWidth()).isEqualTo(128);
    }

    @Test
    void refusesANonEmptyFolderAndBadCounts() throws Exception {
        Files.writeString(tmp.resolve("something.txt"), "x");
        CommandRun busy = CommandRun.of("synth", "--patients", "1", "--out", tmp.toString(), "--no-progress");
        assertThat(busy.code()).isEqualTo(1);
        assertThat(busy.err()).contains("not empty");
        CommandRun none = CommandRun.of("synth", "--patients", "0", "--out", tmp.resolve("new").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("patients must be between 1 and");
    }

    @Test
    void contactSheetNamesAMissingFolder() {
        CommandRun r = CommandRun.of("contact-sheet", "--data", tmp.resolve("absent").toString(), "--out", tmp.resolve("x.png").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("absent").contains("no such folder");
    }

    @Test
    void helpShowsExamples() {
        assertThat(CommandRun.of("synth", "--help").out()).contains("Examples:").contains("lesion-search synth --patients 100");
        assertThat(CommandRun.of("contact-sheet", "--help").out()).contains("Examples:").contains("--crop-mm");
    }
}
