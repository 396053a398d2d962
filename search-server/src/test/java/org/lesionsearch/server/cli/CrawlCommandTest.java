package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.indexer.dicomweb.DicomTestFiles;
import org.lesionsearch.indexer.dicomweb.OrthancServer;

/** {@code lesion-search crawl} against a real Orthanc. */
class CrawlCommandTest {

    @TempDir
    Path tmp;

    @Test
    void pullsNewSeriesIntoTheFolderAndARerunPullsNothing() throws Exception {
        OrthancServer.assumeInstalled();
        try (OrthancServer orthanc = OrthancServer.start(tmp.resolve("orthanc"))) {
            String study = DicomTestFiles.newUid();
            String series = DicomTestFiles.newUid();
            for (int i = 0; i < 2; i++) {
                orthanc.upload(DicomTestFiles.ct(tmp.resolve(i + ".dcm"), study, series, DicomTestFiles.newUid(),
                        LocalDate.of(2022, 5, 5)));
            }
            orthanc.upload(DicomTestFiles.ct(tmp.resolve("old.dcm"), DicomTestFiles.newUid(), DicomTestFiles.newUid(),
                    DicomTestFiles.newUid(), LocalDate.of(2010, 1, 1)));
            Path into = tmp.resolve("pacs");
            String url = "dicomweb:" + orthanc.dicomWebUri();

            CommandRun first = CommandRun.of("crawl", url, "--into", into.toString(), "--from", "2020-01-01");
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out()).containsPattern("studies listed\\s+1\\n").containsPattern("instances stored\\s+2\\n")
                    .contains("instances/s").contains("MB/s");
            try (var files = Files.walk(into.resolve("instances").resolve(study))) {
                assertThat(files.filter(p -> p.toString().endsWith(".dcm")).count()).isEqualTo(2);
            }
            assertThat(into.resolve("crawl-state.json")).exists();

            CommandRun second = CommandRun.of("crawl", url, "--into", into.toString(), "--from", "2020-01-01", "--json");
            assertThat(second.code()).isZero();
            JsonNode figures = new ObjectMapper().readTree(second.out());
            assertThat(figures.path("seriesFetched").asInt()).isZero();
            assertThat(figures.path("studiesUnchanged").asInt()).isEqualTo(1);
            assertThat(figures.path("failures")).isEmpty();
        }
    }

    @Test
    void anUnreachablePacsExitsNonZeroNamingTheFailure() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CommandRun r = CommandRun.of("crawl", "dicomweb:http://127.0.0.1:" + port + "/dicom-web", "--into", tmp.toString(), "--attempts", "1",
                "--timeout", "2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("failed: QIDO-RS /studies").contains("ConnectException");
    }

    @Test
    void aBadSourceIsAUsageError() {
        CommandRun r = CommandRun.of("crawl", "pacs://x", "--into", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not start with dicomweb:");
        CommandRun help = CommandRun.of("crawl", "--help");
        assertThat(help.out()).contains("Examples:").contains("--rescan");
    }
}
