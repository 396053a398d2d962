package org.lesionsearch.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;

/**
 * A table of bad requests for every endpoint: each gets its documented status and an error body
 * naming the field or what is wrong, and none gets a 500.
 */
class BadRequestTest {

    @TempDir
    static Path dir;

    @TempDir
    static Path smallDir;

    private static ApiHarness api;
    private static ApiHarness small;
    private static Lesion stored;

    /** One bad request and what the answer must say. {@code field} and {@code says} may be null. */
    record Bad(String name, String method, String path, String contentType, String body, int status, String field, String says) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        api = ApiHarness.start(dir);
        small = ApiHarness.start(smallDir, ServerConfig.defaults().withPort(0).withMaxBodyBytes(64 * 1024).withMaxK(50));
        TestLesions fixtures = new TestLesions(3);
        stored = fixtures.lesion("E_1", "PE", "PE_S1").build();
        Lesion withoutVector = fixtures.lesion("N_1", "PN", "PN_S1").embedding(null).model(null).build();
        assertThat(api.postJson("/api/lesions", List.of(stored, withoutVector)).at("/written").asInt()).isEqualTo(2);
    }

    @AfterAll
    static void stop() {
        api.close();
        small.close();
    }

    private static String json(Object value) {
        try {
            return api.mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lesionWith(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode node = api.mapper.valueToTree(new TestLesions(9).lesion("X_1", "PX", "PX_S1").build());
        change.accept(node);
        return node.toString();
    }

    private static String vector(int dim, float value) {
        float[] v = new float[dim];
        java.util.Arrays.fill(v, value);
        return json(v);
    }

    static Stream<Bad> badRequests() {
        String unit = vector(1024, (float) (1 / Math.sqrt(1024)));
        List<Bad> t = new ArrayList<>();
        String json = "application/json";
        // routing
        t.add(new Bad("unknown api route", "GET", "/api/nothing", null, null, 404, null, "no such endpoint: GET /api/nothing"));
        t.add(new Bad("unknown route outside the api", "GET", "/nothing", null, null, 404, null, "no such endpoint"));
        t.add(new Bad("wrong method on health", "POST", "/api/health", json, "{}", 405, null, "allowed: GET"));
        t.add(new Bad("wrong method on a lesion", "PUT", "/api/lesions/E_1", json, "{}", 405, null, "PUT is not allowed"));
        t.add(new Bad("delete without an id", "DELETE", "/api/lesions", null, null, 405, null, "allowed: POST"));
        t.add(new Bad("wrong method on openapi", "POST", "/api/openapi.json", json, "{}", 405, null, null));
        // GET /api/health
        t.add(new Bad("health with a parameter", "GET", "/api/health?verbose=1", null, null, 400, "verbose", "unknown query parameter 'verbose'"));
        // GET /api/lesions/{id}
        t.add(new Bad("missing lesion", "GET", "/api/lesions/nope", null, null, 404, null, "no lesion with id 'nope'"));
        t.add(new Bad("overlong lesion id", "GET", "/api/lesions/" + "x".repeat(300), null, null, 400, "id", "longer than 256"));
        t.add(new Bad("get with a parameter", "GET", "/api/lesions/E_1?include=embedding", null, null, 400, "include", "takes none"));
        // DELETE /api/lesions/{id}
        t.add(new Bad("delete a missing lesion", "DELETE", "/api/lesions/nope", null, null, 404, null, "nope"));
        // POST /api/lesions
        t.add(new Bad("upsert without content type", "POST", "/api/lesions", null, "{}", 415, null, "expected Content-Type application/json but got none"));
        t.add(new Bad("upsert as text", "POST", "/api/lesions", "text/plain", "{}", 415, null, "'text/plain'"));
        t.add(new Bad("upsert as form", "POST", "/api/lesions", "application/x-www-form-urlencoded", "a=b", 415, null, null));
        t.add(new Bad("upsert empty body", "POST", "/api/lesions", json, "", 400, null, "empty"));
        t.add(new Bad("upsert malformed json", "POST", "/api/lesions", json, "{\"id\": \"a\",\n \"patientId\": }", 400, null, "malformed JSON at line 2"));
        t.add(new Bad("upsert a string", "POST", "/api/lesions", json, "\"lesion\"", 400, null, "expected a lesion object or an array"));
        t.add(new Bad("upsert empty array", "POST", "/api/lesions", json, "[]", 400, null, "holds no lesions"));
        t.add(new Bad("upsert array of numbers", "POST", "/api/lesions", json, "[1, 2]", 400, "[0]", "not a JSON object"));
        t.add(new Bad("upsert trailing garbage", "POST", "/api/lesions", json, "{\"id\":\"a\"} x", 400, null, "malformed JSON"));
        t.add(new Bad("upsert duplicate key", "POST", "/api/lesions", json, "{\"id\":\"a\",\"id\":\"b\"}", 400, null, "Duplicate field 'id'"));
        t.add(new Bad("upsert NaN literal", "POST", "/api/lesions", json, lesionWith(n -> {}).replaceFirst("\"embedding\":\\[[^,]+", "\"embedding\":[NaN"),
                400, null, "NaN"));
        t.add(new Bad("upsert misspelled field", "POST", "/api/lesions", json, lesionWith(n -> n.put("patientID", "PX")), 400,
                "patientID", "is not a known field"));
        t.add(new Bad("upsert wrong type", "POST", "/api/lesions", json, lesionWith(n -> n.put("patientAge", "old")), 400,
                "patientAge", "expected an integer"));
        t.add(new Bad("upsert bad date", "POST", "/api/lesions", json, lesionWith(n -> n.put("studyDate", "2019-02-30")), 400,
                "studyDate", null));
        t.add(new Bad("upsert unknown coarse type", "POST", "/api/lesions", json, lesionWith(n -> n.put("coarseType", "spleen")), 400,
                "coarseType", "unknown coarse lesion type 'spleen'"));
        t.add(new Bad("upsert null label", "POST", "/api/lesions", json, lesionWith(n -> ((ArrayNode) n.get("labels")).addNull()), 400,
                null, "must not be null"));
        t.add(new Bad("upsert wrong dimension", "POST", "/api/lesions", json, lesionWith(n -> n.set("embedding", api.mapper.createArrayNode()
                .add(1.0).add(0.0).add(0.0))), 422, "embedding", "expected 1024 floats, got 3"));
        t.add(new Bad("upsert unnormalised vector", "POST", "/api/lesions", json, lesionWith(n -> n.set("embedding",
                api.mapper.valueToTree(new float[1024]))), 422, "embedding", "not L2-normalised"));
        t.add(new Bad("upsert infinite vector", "POST", "/api/lesions", json, lesionWith(n -> ((ArrayNode) n.get("embedding")).set(5,
                api.mapper.getNodeFactory().numberNode(new java.math.BigDecimal("1e400")))), 422, "embedding[5]", "finite"));
        t.add(new Bad("upsert unknown label", "POST", "/api/lesions", json, lesionWith(n -> ((ArrayNode) n.get("labels")).add("banana")), 422,
                "labels", "unknown label 'banana'"));
        t.add(new Bad("upsert missing id", "POST", "/api/lesions", json, lesionWith(n -> n.remove("id")), 422, "id", "id: is missing"));
        t.add(new Bad("upsert blank id", "POST", "/api/lesions", json, lesionWith(n -> n.put("id", " ")), 400, "id", "lesion id is missing"));
        t.add(new Bad("upsert location outside the body", "POST", "/api/lesions", json, lesionWith(n -> ((ObjectNode) n.get("location")).put("z", 1.5)),
                422, "location.z", "must be in [0, 1]"));
        t.add(new Bad("upsert another model", "POST", "/api/lesions", json, lesionWith(n -> n.set("model",
                api.mapper.valueToTree(new ModelInfo("test-embedder", "2")))), 422, null, "test-embedder@2"));
        t.add(new Bad("upsert with a parameter", "POST", "/api/lesions?dryRun=true", json, "{}", 400, "dryRun", null));
        t.add(new Bad("upsert too deep", "POST", "/api/lesions", json, "[".repeat(3000) + "]".repeat(3000), 400, null, "limit"));
        // POST /api/search
        t.add(new Bad("search as text", "POST", "/api/search", "text/plain", "{}", 415, null, null));
        t.add(new Bad("search malformed", "POST", "/api/search", json, "{\"k\":", 400, null, "malformed JSON at line 1"));
        t.add(new Bad("search an array", "POST", "/api/search", json, "[]", 400, null, "the document has the wrong type: expected an object"));
        t.add(new Bad("search misspelled field", "POST", "/api/search", json, "{\"vectr\":[1]}", 400, "vectr", "known fields: "));
        t.add(new Bad("search misspelled filter field", "POST", "/api/search", json, "{\"filter\":{\"label\":{}}}", 400, "filter.label", "labels"));
        t.add(new Bad("search k zero", "POST", "/api/search", json, "{\"k\":0}", 422, "k", "k must be between 1 and 1000, was 0"));
        t.add(new Bad("search k too large", "POST", "/api/search", json, "{\"k\":5000}", 422, "k", "between 1 and 1000"));
        t.add(new Bad("search k as text", "POST", "/api/search", json, "{\"k\":\"ten\"}", 400, "k", "expected an integer"));
        t.add(new Bad("search k fractional", "POST", "/api/search", json, "{\"k\":2.5}", 400, "k", null));
        t.add(new Bad("search k overflow", "POST", "/api/search", json, "{\"k\":1e999}", 400, null, null));
        t.add(new Bad("search negative offset", "POST", "/api/search", json, "{\"offset\":-1}", 422, "offset", "offset must be between 0"));
        t.add(new Bad("search offset too large", "POST", "/api/search", json, "{\"offset\":20000}", 422, "offset", null));
        t.add(new Bad("search vector and example", "POST", "/api/search", json, "{\"vector\":" + unit + ",\"example\":\"E_1\"}", 422,
                "example", "not both"));
        t.add(new Bad("search short vector", "POST", "/api/search", json, "{\"vector\":[1,0,0]}", 422, "vector", "expected 1024 floats, got 3"));
        t.add(new Bad("search unnormalised vector", "POST", "/api/search", json, "{\"vector\":" + vector(1024, 1) + "}", 422, "vector",
                "not L2-normalised"));
        t.add(new Bad("search vector with null", "POST", "/api/search", json, "{\"vector\":[0.5,null]}", 400, "vector[1]", null));
        t.add(new Bad("search vector with NaN", "POST", "/api/search", json, "{\"vector\":[0.5,NaN]}", 400, "vector[1]", "NaN"));
        t.add(new Bad("search unknown example", "POST", "/api/search", json, "{\"example\":\"nope\"}", 422, "example", "no lesion with id 'nope'"));
        t.add(new Bad("search blank example", "POST", "/api/search", json, "{\"example\":\"\"}", 422, "example", "missing"));
        t.add(new Bad("search example without vector", "POST", "/api/search", json, "{\"example\":\"N_1\"}", 422, "example", "no embedding"));
        t.add(new Bad("search unknown label", "POST", "/api/search", json, "{\"filter\":{\"labels\":{\"any\":[\"lung\",\"banana\"]}}}", 422,
                "filter.labels.any[1]", "unknown label 'banana'"));
        t.add(new Bad("search near-miss label", "POST", "/api/search", json, "{\"filter\":{\"labels\":{\"none\":[\"livr\"]}}}", 422,
                "filter.labels.none[0]", "unknown label 'livr' in filter.labels.none[0] (did you mean 'liver'"));
        t.add(new Bad("search synonym label", "POST", "/api/search", json, "{\"filter\":{\"labels\":{\"all\":[\"hepatic\"]}}}", 422,
                "filter.labels.all[0]", "(did you mean 'liver'"));
        t.add(new Bad("search unknown label source", "POST", "/api/search", json, "{\"filter\":{\"labels\":{\"source\":\"both\"}}}", 400,
                "filter.labels.source", "predicted"));
        t.add(new Bad("search inverted size", "POST", "/api/search", json, "{\"filter\":{\"sizeMm\":{\"min\":30,\"max\":10}}}", 422,
                "filter.sizeMm", "min (30.0) is greater than max (10.0)"));
        t.add(new Bad("search inverted box", "POST", "/api/search", json, "{\"filter\":{\"location\":{\"z\":{\"min\":0.9,\"max\":0.1}}}}", 422,
                "filter.location.z", null));
        t.add(new Bad("search inverted dates", "POST", "/api/search", json,
                "{\"filter\":{\"studyDate\":{\"from\":\"2020-01-01\",\"to\":\"2019-01-01\"}}}", 422, "filter.studyDate", "after"));
        t.add(new Bad("search bad date", "POST", "/api/search", json, "{\"filter\":{\"studyDate\":{\"from\":\"yesterday\"}}}", 400,
                "filter.studyDate.from", "ISO date"));
        t.add(new Bad("search unknown coarse type", "POST", "/api/search", json, "{\"filter\":{\"coarseType\":[\"liver\",\"spleen\"]}}", 400,
                "filter.coarseType[1]", "spleen"));
        t.add(new Bad("search unknown sex", "POST", "/api/search", json, "{\"filter\":{\"sex\":\"x\"}}", 400, "filter.sex", "unknown sex"));
        t.add(new Bad("search blank patient", "POST", "/api/search", json, "{\"filter\":{\"patient\":\" \"}}", 422, "filter.patient", null));
        t.add(new Bad("search blank exclude", "POST", "/api/search", json, "{\"filter\":{\"exclude\":[\"\"]}}", 422, "filter.exclude[0]", null));
        t.add(new Bad("search unknown sort", "POST", "/api/search", json, "{\"sort\":\"sideways\"}", 400, "sort", "size_desc"));
        t.add(new Bad("search unknown include", "POST", "/api/search", json, "{\"include\":[\"thumbnails\"]}", 400, "include[0]",
                "unknown include 'thumbnails'"));
        t.add(new Bad("search facets as text", "POST", "/api/search", json, "{\"facets\":\"yes\"}", 400, "facets", "true or false"));
        // GET /api/lesions/{id}/similar
        t.add(new Bad("similar to a missing lesion", "GET", "/api/lesions/nope/similar", null, null, 404, null, "nope"));
        t.add(new Bad("similar to a lesion without vector", "GET", "/api/lesions/N_1/similar", null, null, 422, "id", "no embedding"));
        t.add(new Bad("similar k as text", "GET", "/api/lesions/E_1/similar?k=abc", null, null, 400, "k", "must be an integer, was 'abc'"));
        t.add(new Bad("similar k zero", "GET", "/api/lesions/E_1/similar?k=0", null, null, 422, "k", null));
        t.add(new Bad("similar k twice", "GET", "/api/lesions/E_1/similar?k=1&k=2", null, null, 400, "k", "given 2 times"));
        t.add(new Bad("similar offset too large", "GET", "/api/lesions/E_1/similar?offset=999999", null, null, 422, "offset", null));
        t.add(new Bad("similar unknown include", "GET", "/api/lesions/E_1/similar?include=everything", null, null, 400, "include", null));
        t.add(new Bad("similar bad boolean", "GET", "/api/lesions/E_1/similar?otherPatients=maybe", null, null, 400, "otherPatients", null));
        t.add(new Bad("similar misspelled parameter", "GET", "/api/lesions/E_1/similar?kk=3", null, null, 400, "kk", "known: include, k, offset"));
        // GET /api/patients/{pid}/lesions
        t.add(new Bad("unknown patient", "GET", "/api/patients/nobody/lesions", null, null, 404, null, "no lesions for patient"));
        t.add(new Bad("patient unknown include", "GET", "/api/patients/PE/lesions?include=x", null, null, 400, "include", null));
        t.add(new Bad("patient misspelled parameter", "GET", "/api/patients/PE/lesions?includes=embedding", null, null, 400, "includes", null));
        return t.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void eachBadRequestGetsItsStatusAndAnErrorNamingTheProblem(Bad bad) {
        ApiHarness.Reply reply = api.send(bad.method(), bad.path(), bad.body(), bad.contentType());
        assertThat(reply.status()).as("%s -> %s", bad.name(), reply.text()).isEqualTo(bad.status());
        assertThat(reply.json()).as("JSON error body of %s: %s", bad.name(), reply.text()).isNotNull();
        assertThat(reply.at("/status").asInt()).isEqualTo(bad.status());
        assertThat(reply.at("/error").asText()).isNotBlank();
        assertThat(reply.at("/message").asText()).isNotBlank();
        if (bad.field() != null) {
            assertThat(reply.at("/field").asText()).as(reply.text()).isEqualTo(bad.field());
        }
        if (bad.says() != null) {
            assertThat(reply.at("/message").asText()).as(reply.text()).contains(bad.says());
        }
        assertThat(reply.text()).doesNotContain("org.lesionsearch", "com.fasterxml", "Exception");
    }

    @Test
    void aBadRequestChangesNothing() {
        assertThat(api.get("/api/health").at("/lesions").asLong()).isEqualTo(2);
        assertThat(api.get("/api/lesions/X_1").status()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutAContentLength() throws Exception {
        String big = "[" + String.join(",", java.util.Collections.nCopies(12, json(stored))) + "]";
        assertThat(big.length()).isGreaterThan(64 * 1024);
        ApiHarness.Reply declared = small.post("/api/lesions", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.at("/message").asText()).contains("larger than the limit of 65536 bytes");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(small.server().baseUri() + "/api/lesions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(small.get("/api/health").at("/lesions").asLong()).isZero();

        ApiHarness.Reply fits = small.postJson("/api/lesions", stored);
        assertThat(fits.status()).isEqualTo(200);
        assertThat(small.post("/api/search", "{\"k\":51}").at("/message").asText()).contains("between 1 and 50");
    }
}
