package org.lesionsearch.server.api.labels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.web.SampleIndex;
import org.lesionsearch.server.web.SampleServer;

class LabelApiTest {

    private static SampleServer server;

    @BeforeAll
    static void start() {
        server = new SampleServer(SampleIndex.get().context(ServerConfig.defaults().withPort(0)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void labelsAreTheModelsInOutputOrder() {
        SampleServer.Reply r = server.get("/api/labels");
        assertThat(r.status()).isEqualTo(200);
        LabelVocabulary vocabulary = LabelVocabulary.lesaNet171();
        assertThat(r.at("/count").asInt()).isEqualTo(171);
        for (int i : new int[] {0, 57, 170}) {
            assertThat(r.at("/labels/" + i + "/index").asInt()).isEqualTo(i);
            assertThat(r.at("/labels/" + i + "/term").asText()).isEqualTo(vocabulary.term(i));
            assertThat(r.at("/labels/" + i + "/labelClass").asText()).isEqualTo(vocabulary.labelClass(i).csvName());
        }
    }

    @Test
    void suggestCompletesAPrefixFromTheOntology() {
        SampleServer.Reply r = server.get("/api/labels/suggest?prefix=hypo");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/prefix").asText()).isEqualTo("hypo");
        assertThat(r.json().get("suggestions").findValuesAsText("text")).contains("hypodense");

        SampleServer.Reply parts = server.get("/api/labels/suggest?prefix=lu&class=bodypart&limit=3");
        assertThat(parts.json().get("suggestions")).hasSizeLessThanOrEqualTo(3);
        assertThat(parts.json().get("suggestions").findValuesAsText("labelClass")).containsOnly("bodypart");
        assertThat(parts.json().get("suggestions").findValuesAsText("text")).contains("lung");
    }

    @Test
    void badSuggestRequestsAreRefusedNamingTheParameter() {
        assertThat(server.get("/api/labels/suggest")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.at("/field").asText()).isEqualTo("prefix");
        });
        assertThat(server.get("/api/labels/suggest?prefix=x&class=organ")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.at("/field").asText()).isEqualTo("class");
            assertThat(r.at("/message").asText()).contains("bodypart, type or attribute");
        });
        assertThat(server.get("/api/labels/suggest?prefix=li&limit=500").status()).isEqualTo(422);
        assertThat(server.get("/api/labels/suggest?prefix=" + "a".repeat(101)).status()).isEqualTo(400);
        assertThat(server.get("/api/labels/suggest?prefix=li&colour=red").at("/field").asText()).isEqualTo("colour");
    }
}
