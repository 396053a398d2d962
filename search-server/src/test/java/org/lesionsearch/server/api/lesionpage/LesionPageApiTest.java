package org.lesionsearch.server.api.lesionpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.SearchHit;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.web.SampleIndex;
import org.lesionsearch.server.web.SampleServer;

/** The lesion page and thumbnails over the real DeepLesion sample, identified and de-identified. */
class LesionPageApiTest {

    private static SampleIndex.Built sample;
    private static SampleServer server;
    /** A lesion of a patient seen in two studies, so that it has a timeline. */
    private static Lesion followed;

    @BeforeAll
    static void start() {
        sample = SampleIndex.get();
        server = new SampleServer(sample.context(ServerConfig.defaults().withPort(0)));
        List<Lesion> all = sample.index().search(SearchRequest.byFilter(Filter.all(), 100)).hits().stream()
                .map(SearchHit::lesion).toList();
        Map<String, Long> studiesPerPatient = all.stream().collect(Collectors.groupingBy(Lesion::patientId,
                Collectors.mapping(Lesion::studyId, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        followed = all.stream().filter(l -> studiesPerPatient.get(l.patientId()) >= 2).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String path(String id) {
        return "/api/lesions/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @Test
    void thePageHasTheLesionItsLabelsSimilarLesionsOfOtherPatientsAndTheTimeline() {
        SampleServer.Reply r = server.get(path(followed.id().value()) + "/page");
        assertThat(r.status()).isEqualTo(200);
        JsonNode lesion = r.at("/lesion");
        assertThat(lesion.get("id").asText()).isEqualTo(followed.id().value());
        assertThat(lesion.has("embedding")).isFalse();
        assertThat(lesion.has("labelScores")).isFalse();

        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        float[] scores = followed.labelScores();
        JsonNode labels = r.at("/labels");
        assertThat(labels).isNotEmpty();
        for (JsonNode label : labels) {
            String term = label.get("term").asText();
            assertThat(label.get("probability").asDouble()).as(term)
                    .isCloseTo(scores[vocabulary.indexOf(term).orElseThrow()], org.assertj.core.data.Offset.offset(1e-6));
            assertThat(label.get("predicted").asBoolean()).isEqualTo(followed.labels().contains(term));
        }
        assertThat(labels.findValuesAsText("term")).containsAll(followed.labels());

        JsonNode similar = r.at("/similar");
        assertThat(similar).isNotEmpty().hasSizeLessThanOrEqualTo(LesionPageController.DEFAULT_SIMILAR);
        for (JsonNode hit : similar) {
            assertThat(hit.at("/lesion/patientId").asText()).isNotEqualTo(followed.patientId());
            assertThat(hit.at("/explanation/cosine").isNumber()).isTrue();
        }

        JsonNode timeline = r.at("/timeline");
        assertThat(timeline.get("patientId").asText()).isEqualTo(followed.patientId());
        assertThat(timeline.get("studies").size()).isGreaterThanOrEqualTo(2);
        assertThat(timeline.get("assessments").size()).isEqualTo(timeline.get("studies").size());
        String trackId = r.at("/trackId").asText();
        JsonNode track = null;
        for (JsonNode t : timeline.get("tracks")) {
            if (t.get("id").asText().equals(trackId)) {
                track = t;
            }
        }
        assertThat(track).as("the lesion's track " + trackId).isNotNull();
        assertThat(track.get("points").findValuesAsText("lesionId")).contains(followed.id().value());
    }

    @Test
    void deidentifiedThePageShowsPseudonymsAndNoDatesAndItsPseudonymLeadsBack() {
        SampleServer.Reply r = server.get(path(followed.id().value()) + "/page?deidentified=true");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/deidentified").asBoolean()).isTrue();
        String pseudonym = r.at("/lesion/id").asText();
        assertThat(pseudonym).matches("L-[0-9a-f]{12}");
        assertThat(r.at("/lesion/patientId").asText()).matches("P-[0-9a-f]{12}");
        assertThat(r.at("/lesion").has("studyDate")).isFalse();
        assertThat(r.at("/lesion").has("source")).isFalse();
        assertThat(r.at("/lesion").has("thumbnail")).isFalse();
        assertThat(r.at("/timeline/patientId").asText()).isEqualTo(r.at("/lesion/patientId").asText());
        for (JsonNode study : r.at("/timeline/studies")) {
            assertThat(study.get("studyId").asText()).matches("S-[0-9a-f]{12}");
            assertThat(study.has("date")).isFalse();
        }
        assertThat(r.at("/timeline/tracks").findValuesAsText("lesionId")).allMatch(id -> id.matches("L-[0-9a-f]{12}"))
                .contains(pseudonym);
        assertThat(r.at("/similar").findValuesAsText("patientId")).allMatch(id -> id.matches("P-[0-9a-f]{12}"));
        // nothing in the answer names the patient, the study or the lesion
        assertThat(r.text()).doesNotContain(followed.patientId()).doesNotContain(followed.id().value());

        SampleServer.Reply again = server.get(path(pseudonym) + "/page?deidentified=true");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.at("/lesion/id").asText()).isEqualTo(pseudonym);
        assertThat(again.at("/labels")).isEqualTo(r.at("/labels"));
        // an identified reader following the pseudonym sees the lesion itself
        assertThat(server.get(path(pseudonym) + "/page").at("/lesion/id").asText()).isEqualTo(followed.id().value());
    }

    @Test
    void theThumbnailIsThePngWrittenAtIngestFoundByIdOrPseudonym() throws Exception {
        SampleServer.Reply png = server.get(path(followed.id().value()) + "/thumbnail.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).isEqualTo(Files.readAllBytes(sample.indexDir().resolve(followed.thumbnail())));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(128);

        String pseudonym = server.get(path(followed.id().value()) + "/page?deidentified=true&similar=0").at("/lesion/id").asText();
        assertThat(server.get(path(pseudonym) + "/thumbnail.png").body()).isEqualTo(png.body());
    }

    @Test
    void unknownLesionsAndBadParametersAreRefused() {
        assertThat(server.get(path("no-such-lesion") + "/page").status()).isEqualTo(404);
        assertThat(server.get(path("L-000000000000") + "/page").status()).isEqualTo(404);
        SampleServer.Reply thumbnail = server.get(path("no-such-lesion") + "/thumbnail.png");
        assertThat(thumbnail.status()).isEqualTo(404);
        assertThat(thumbnail.at("/message").asText()).contains("no-such-lesion");
        assertThat(server.get(path(followed.id().value()) + "/page?similar=500").status()).isEqualTo(422);
        assertThat(server.get(path(followed.id().value()) + "/page?similar=many").status()).isEqualTo(400);
        assertThat(server.get(path(followed.id().value()) + "/page?teaching=1").at("/field").asText()).isEqualTo("teaching");
        assertThat(server.get(path(followed.id().value()) + "/thumbnail.png?size=big").status()).isEqualTo(400);
    }
}
