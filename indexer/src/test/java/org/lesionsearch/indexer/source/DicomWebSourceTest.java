package org.lesionsearch.indexer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.indexer.dicomweb.DicomWebSettings;

/** A PACS that fails: the source reports it and yields nothing, it does not throw. */
class DicomWebSourceTest {

    @TempDir
    Path tmp;

    private HttpServer pacs;

    @AfterEach
    void stop() {
        if (pacs != null) {
            pacs.stop(0);
        }
    }

    private String start(int status, long delayMs) throws IOException {
        pacs = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pacs.createContext("/", exchange -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"error\":\"database down\"}".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pacs.start();
        return "dicomweb:http://127.0.0.1:" + pacs.getAddress().getPort() + "/dicom-web";
    }

    @Test
    void aPacsAnswering500IsReportedAsARejectionAndYieldsNoLesions() throws IOException {
        String spec = start(500, 0);
        DicomWebSource source = new DicomWebSource(DicomWebSettings.forSource(spec, tmp).withPatience(Duration.ofSeconds(2), 2));
        assertThat(source.description()).isEqualTo(spec);
        SourceScan scan = source.scan();
        assertThat(scan.lesionCount()).isZero();
        assertThat(scan.rejections()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo(spec);
            assertThat(r.reason()).startsWith("could not be fetched: ").contains("500");
        });
        assertThat(source.lastCrawl().failures()).hasSize(1);
    }

    @Test
    void aPacsThatTimesOutIsReportedLikewise() throws IOException {
        String spec = start(200, 3_000);
        DicomWebSource source = new DicomWebSource(DicomWebSettings.forSource(spec, tmp).withPatience(Duration.ofMillis(300), 1));
        long t0 = System.nanoTime();
        SourceScan scan = source.scan();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(3.0);
        assertThat(scan.lesionCount()).isZero();
        assertThat(scan.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("could not be fetched: "));
    }

    @Test
    void sourceSpecsNameTheirKind() throws IOException {
        assertThat(LesionSources.open("dicom:" + tmp, tmp)).isInstanceOf(DicomFolderSource.class);
        assertThat(LesionSources.open("dicomweb:http://127.0.0.1:1/dicom-web", tmp)).isInstanceOf(DicomWebSource.class);
        assertThatThrownBy(() -> LesionSources.open("pacs:" + tmp, tmp))
                .hasMessage("unknown source 'pacs:" + tmp + "' (expected deeplesion:DIR, dicom:DIR or dicomweb:URL)");
        assertThatThrownBy(() -> LesionSources.open("deeplesion:", tmp)).hasMessageContaining("names no folder or URL");
        assertThatThrownBy(() -> LesionSources.open("deeplesion:" + tmp.resolve("missing"), tmp))
                .hasMessageContaining("no such DeepLesion folder");
    }
}
