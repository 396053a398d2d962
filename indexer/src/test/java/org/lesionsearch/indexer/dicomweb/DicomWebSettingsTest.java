package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DicomWebSettingsTest {

    @Test
    void aSourceSpecGivesOneWorkingFolderPerPacsUnderTheIndex() {
        DicomWebSettings s = DicomWebSettings.forSource("dicomweb:http://PACS.example:8042/dicom-web/", Path.of("/data/index"));
        assertThat(s.baseUri()).isEqualTo(URI.create("http://PACS.example:8042/dicom-web/"));
        assertThat(s.workDir()).isEqualTo(Path.of("/data/index/dicomweb/pacs.example_8042_dicom-web"));
        assertThat(s.instancesDir()).isEqualTo(s.workDir().resolve("instances"));
        assertThat(s.stateFile()).isEqualTo(s.workDir().resolve("crawl-state.json"));
        assertThat(s.clientConfig().baseUri()).isEqualTo(URI.create("http://PACS.example:8042/dicom-web"));
        assertThat(s.crawlOptions().studies().modalities()).containsExactly("CT");
        assertThat(s.crawlOptions().seriesModalities()).containsExactlyInAnyOrder("CT", "SR");
    }

    @Test
    void datesPatienceAndRescanCarryIntoTheCrawl() {
        DicomWebSettings s = DicomWebSettings.forSource("dicomweb:https://pacs/dicomweb", Path.of("i"))
                .withDates(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))
                .withPatience(Duration.ofSeconds(5), 2)
                .withRescan(true);
        assertThat(s.crawlOptions().studies().from()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(s.crawlOptions().rescan()).isTrue();
        assertThat(s.clientConfig().responseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.clientConfig().retry().maxAttempts()).isEqualTo(2);
        assertThat(s.workDir()).isEqualTo(Path.of("i/dicomweb/pacs_https_dicomweb"));
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> DicomWebSettings.forSource("dicom:/x", Path.of("i"))).hasMessageContaining("does not start with dicomweb:");
        assertThatThrownBy(() -> DicomWebSettings.forSource("dicomweb:ftp://pacs/", Path.of("i"))).hasMessageContaining("http or https");
        assertThatThrownBy(() -> DicomWebSettings.forSource("dicomweb:http://pa cs/", Path.of("i"))).hasMessageContaining("not a URL");
        assertThatThrownBy(() -> DicomWebSettings.forSource("dicomweb:http://user:secret@pacs/", Path.of("i")))
                .hasMessageContaining("credentials").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> DicomWebSettings.forSource("dicomweb:http://pacs/", Path.of("i"))
                .withDates(LocalDate.of(2021, 1, 1), LocalDate.of(2020, 1, 1))).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> DicomWebSettings.forSource("dicomweb:http://pacs/", Path.of("i"))
                .withPatience(Duration.ZERO, 2)).hasMessageContaining("positive duration");
    }
}
