package org.lesionsearch.server.api.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.indexer.SharedTestData;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.web.SampleIndex;
import org.lesionsearch.server.web.SampleServer;

/** Search by an uploaded slice over real HTTP, with real DeepLesion and DICOM files. */
class ExampleSearchApiTest {

    private static SampleIndex.Built sample;
    private static SampleServer server;
    private static Lesion lesion;
    private static byte[] slice;

    @BeforeAll
    static void start() throws Exception {
        sample = SampleIndex.get();
        server = new SampleServer(sample.context(ServerConfig.defaults().withPort(0)));
        lesion = sample.index().search(SearchRequest.byFilter(Filter.all(), 100)).hits().stream().map(h -> h.lesion())
                .filter(l -> l.boundingBox() != null && l.spacing() != null && Files.exists(keySlice(l))).findFirst().orElseThrow();
        slice = Files.readAllBytes(keySlice(lesion));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** {@code Images_png/<patient>_<study>_<series>/<slice>.png} of a DeepLesion lesion id. */
    static Path keySlice(Lesion l) {
        String[] parts = l.id().value().split("_");
        return SharedTestData.deepLesion().resolve("Images_png").resolve(parts[0] + "_" + parts[1] + "_" + parts[2])
                .resolve(parts[3] + ".png");
    }

    private static String box(BoundingBox b) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", b.x1(), b.y1(), b.x2(), b.y2());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aDeepLesionPngPreviewsAsAWindowedPictureOfTheSameSize() throws Exception {
        SampleServer.Reply r = server.post("/api/example-search/preview?window=lung&name=slice.png", slice, "image/png");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/format").asText()).isEqualTo("png16");
        assertThat(r.at("/width").asInt()).isEqualTo(512);
        assertThat(r.at("/spacingFromFile").asBoolean()).isFalse();
        assertThat(r.at("/window").asText()).isEqualTo("lung");
        String image = r.at("/image").asText();
        assertThat(image).startsWith("data:image/png;base64,");
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1))));
        assertThat(picture.getWidth()).isEqualTo(512);
        assertThat(picture.getHeight()).isEqualTo(512);
        // a real CT slice in a lung window is not one grey: air is dark, the body bright
        int[] row = picture.getRaster().getPixels(0, 256, 512, 1, (int[]) null);
        assertThat(Arrays.stream(row).max().getAsInt() - Arrays.stream(row).min().getAsInt()).isGreaterThan(100);
    }

    @Test
    void aDicomSlicePreviewsWithItsOwnSpacing() throws Exception {
        byte[] dicom = Files.readAllBytes(SharedTestData.dicom().resolve("CT_small.dcm"));
        SampleServer.Reply r = server.post("/api/example-search/preview", dicom, "application/dicom");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/format").asText()).isEqualTo("dicom");
        assertThat(r.at("/width").asInt()).isEqualTo(128);
        assertThat(r.at("/spacingFromFile").asBoolean()).isTrue();
        assertThat(r.at("/spacingMm").asDouble()).isGreaterThan(0.1).isLessThan(2);
    }

    @Test
    void theLesionDrawnOnItsOwnSliceFindsItselfFirst() {
        String spacing = Double.toString(lesion.spacing().x());
        SampleServer.Reply r = server.post("/api/example-search?k=5&facets=true&spacing=" + spacing + "&box=" + box(lesion.boundingBox()),
                slice, "application/octet-stream");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/example/format").asText()).isEqualTo("png16");
        assertThat(r.at("/example/model/name").asText()).isEqualTo(sample.encoder().model().name());
        assertThat(r.at("/example/sizeMm").asDouble()).isPositive();
        assertThat(r.at("/results/hits")).hasSize(5);
        assertThat(r.at("/results/hits/0/lesion/id").asText()).isEqualTo(lesion.id().value());
        assertThat(r.at("/results/hits/0/explanation/cosine").asDouble()).isGreaterThan(0.999);
        assertThat(r.at("/results/facets/bodypart").isObject()).isTrue();

        // the same lesion as a long axis line across its box
        BoundingBox b = lesion.boundingBox();
        String line = String.format(Locale.ROOT, "%s,%s,%s,%s", b.x1(), b.centerY(), b.x2(), b.centerY());
        SampleServer.Reply byLine = server.post("/api/example-search?k=3&spacing=" + spacing + "&line=" + line, slice, null);
        assertThat(byLine.at("/results/hits/0/lesion/id").asText()).isEqualTo(lesion.id().value());
    }

    @Test
    void aQueryNarrowsTheHitsAndDeidentifiedHitsArePseudonyms() {
        String spacing = Double.toString(lesion.spacing().x());
        SampleServer.Reply r = server.post("/api/example-search?k=50&deidentified=true&spacing=" + spacing + "&box="
                + box(lesion.boundingBox()) + "&q=" + q("-patient:" + lesion.patientId()), slice, "image/png");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/results/deidentified").asBoolean()).isTrue();
        assertThat(r.at("/results/hits")).isNotEmpty();
        assertThat(r.at("/results/hits").findValuesAsText("patientId")).allMatch(p -> p.matches("P-[0-9a-f]{12}"));
        assertThat(r.text()).doesNotContain(lesion.id().value());
        long others = sample.index().count(Filter.not(Filter.patient(lesion.patientId())));
        assertThat(r.at("/results/total").asLong()).isEqualTo(others);
    }

    @Test
    void badUploadsAndParametersGetClearErrors() throws Exception {
        String at = "/api/example-search?box=" + box(lesion.boundingBox());
        assertThat(server.post(at, new byte[0], null)).satisfies(r -> assertThat(r.status()).isEqualTo(415));
        assertThat(server.post(at, "hello, this is text".getBytes(StandardCharsets.UTF_8), "text/plain")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(415);
            assertThat(r.at("/message").asText()).contains("neither a PNG nor a DICOM");
        });
        assertThat(server.post(at + "&name=cut.png", Arrays.copyOf(slice, slice.length / 2), "image/png")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.at("/message").asText()).contains("cut.png");
        });
        assertThat(server.post("/api/example-search?box=1,1,600,600", slice, null)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.at("/field").asText()).isEqualTo("box");
            assertThat(r.at("/message").asText()).contains("outside the 512x512 slice");
        });
        assertThat(server.post("/api/example-search", slice, null).status()).isEqualTo(400);
        assertThat(server.post(at + "&line=1,1,5,5", slice, null).status()).isEqualTo(400);
        assertThat(server.post("/api/example-search?box=1,2,3", slice, null).at("/field").asText()).isEqualTo("box");
        assertThat(server.post("/api/example-search?box=10,10,11,11", slice, null).status()).isEqualTo(422);
        assertThat(server.post(at + "&spacing=50", slice, null).at("/field").asText()).isEqualTo("spacing");
        assertThat(server.post(at + "&q=" + q("similar:" + lesion.id().value()), slice, null)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.at("/field").asText()).isEqualTo("q");
        });
        assertThat(server.post(at + "&q=" + q("livr"), slice, null)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.at("/suggestions").toString()).contains("liver");
            assertThat(r.at("/pointer").asText()).contains("^");
        });
        assertThat(server.post("/api/example-search/preview?window=brain", slice, null).at("/field").asText()).isEqualTo("window");

        // a picture larger than any CT slice is refused before its pixels are decoded
        BufferedImage huge = new BufferedImage(5000, 10, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(huge, "png", png);
        assertThat(server.post("/api/example-search/preview", png.toByteArray(), "image/png")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.at("/message").asText()).contains("5000x10");
        });
    }

    @Test
    void withoutAModelTheServerSaysSo() {
        ApiContext withoutModel = ApiContext.of(ServerConfig.defaults().withPort(0), sample.index());
        try (SampleServer plain = new SampleServer(withoutModel)) {
            SampleServer.Reply r = plain.post("/api/example-search?box=" + box(lesion.boundingBox()), slice, null);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.at("/message").asText()).contains("needs the model");
            // previews need no model
            assertThat(plain.post("/api/example-search/preview", slice, null).status()).isEqualTo(200);
        }
    }

    @Test
    void anEightBitPictureIsReadAsASoftTissueWindow() throws Exception {
        BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                picture.getRaster().setSample(x, y, 0, (x - 32) * (x - 32) + (y - 32) * (y - 32) < 100 ? 200 : 60);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        UploadedSlice upload = UploadedSlice.read(png.toByteArray(), "drawing.png", 0.7);
        assertThat(upload.format()).isEqualTo("png8");
        assertThat(upload.slice().spacingX()).isEqualTo(0.7);
        // grey 200 of 255 in -175..275 HU
        assertThat(upload.slice().at(32, 32)).isCloseTo((float) (-175 + 200 / 255.0 * 450), org.assertj.core.data.Offset.offset(0.5f));
        SampleServer.Reply r = server.post("/api/example-search?k=3&box=22,22,42,42", png.toByteArray(), "image/png");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/example/format").asText()).isEqualTo("png8");
        assertThat(r.at("/results/hits")).hasSize(3);
    }
}
