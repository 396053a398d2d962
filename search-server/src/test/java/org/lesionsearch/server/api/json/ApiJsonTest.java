package org.lesionsearch.server.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.index.TestLesions;
import org.lesionsearch.server.api.search.SearchBody;

class ApiJsonTest {

    private final ObjectMapper mapper = ApiJson.mapper();

    private JsonProblem problem(String json, Class<?> type) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> mapper.readValue(json, type));
        assertThat(e).as("reading %s", json).isNotNull();
        return JsonProblem.of(e);
    }

    private static Lesion sample() {
        return new TestLesions(7).lesion("000042_01_01_103_3", "000042", "000042_01").build();
    }

    private ObjectNode lesionJson() {
        return (ObjectNode) mapper.valueToTree(sample());
    }

    @Test
    void aLesionSurvivesTheRoundTripExactly() throws Exception {
        Lesion lesion = sample();
        String json = mapper.writeValueAsString(lesion);
        assertThat(mapper.readValue(json, Lesion.class)).isEqualTo(lesion);
        assertThat(json).contains("\"id\":\"000042_01_01_103_3\"", "\"studyDate\":\"" + lesion.studyDate() + "\"",
                "\"sex\":\"" + lesion.sex() + "\"", "\"coarseType\":\"" + lesion.coarseType().name() + "\"",
                "\"model\":{\"name\":\"test-embedder\",\"version\":\"1\"}")
                .doesNotContain("sizeMm");
    }

    @Test
    void absentOptionalPartsAreLeftOutAndReadBackAsAbsent() throws Exception {
        Lesion minimal = Lesion.builder("a_1").patientId("a").studyId("a_s").build();
        String json = mapper.writeValueAsString(minimal);
        assertThat(json).isEqualTo("{\"id\":\"a_1\",\"patientId\":\"a\",\"studyId\":\"a_s\",\"sex\":\"UNKNOWN\","
                + "\"coarseType\":\"UNKNOWN\",\"labels\":[],\"reportLabels\":[]}");
        assertThat(mapper.readValue("{\"id\":\"a_1\",\"patientId\":\"a\",\"studyId\":\"a_s\"}", Lesion.class)).isEqualTo(minimal);
    }

    @Test
    void enumsAcceptTheirUsualSpellings() throws Exception {
        Lesion l = mapper.readValue("{\"id\":\"x\",\"coarseType\":\"soft tissue\",\"sex\":\"female\"}", Lesion.class);
        assertThat(l.coarseType().name()).isEqualTo("SOFT_TISSUE");
        assertThat(l.sex().name()).isEqualTo("F");
        assertThat(mapper.readValue("{\"id\":\"x\",\"coarseType\":4}", Lesion.class).coarseType().name()).isEqualTo("LIVER");
    }

    @Test
    void aMisspelledFieldIsNamedWithItsPathAndTheKnownFields() throws Exception {
        ObjectNode node = lesionJson();
        ((ObjectNode) node.get("recist")).put("longAxis", 3);
        JsonProblem p = problem(node.toString(), Lesion.class);
        assertThat(p.field()).isEqualTo("recist.longAxis");
        assertThat(p.message()).startsWith("field 'recist.longAxis' is not a known field").contains("longAxisMm");
    }

    @Test
    void wrongTypesNameTheFieldAndTheExpectedType() {
        assertThat(problem("{\"k\":\"ten\"}", SearchBody.class))
                .satisfies(p -> assertThat(p.field()).isEqualTo("k"))
                .satisfies(p -> assertThat(p.message()).contains("expected an integer"));
        assertThat(problem("{\"k\":2.5}", SearchBody.class).field()).isEqualTo("k");
        assertThat(problem("{\"vector\":[0.1,\"x\"]}", SearchBody.class).field()).isEqualTo("vector[1]");
        assertThat(problem("{\"filter\":{\"sizeMm\":{\"min\":\"big\"}}}", SearchBody.class).field()).isEqualTo("filter.sizeMm.min");
        assertThat(problem("{\"sort\":\"sideways\"}", SearchBody.class))
                .satisfies(p -> assertThat(p.field()).isEqualTo("sort"))
                .satisfies(p -> assertThat(p.message()).contains("size_desc"));
        assertThat(problem("{\"filter\":{\"sex\":\"x\"}}", SearchBody.class))
                .satisfies(p -> assertThat(p.message()).contains("filter.sex").contains("unknown sex 'x'"));
        assertThat(problem("{\"id\":\"x\",\"studyDate\":\"2019-13-45\"}", Lesion.class).field()).isEqualTo("studyDate");
    }

    @Test
    void nullsInsideListsAndForNumbersAreRefused() {
        assertThat(problem("{\"id\":\"x\",\"labels\":[\"liver\",null]}", Lesion.class).field()).isEqualTo("labels[1]");
        assertThat(problem("{\"id\":\"x\",\"embedding\":[0.5,null]}", Lesion.class).field()).isEqualTo("embedding[1]");
        assertThat(problem("{\"id\":\"x\",\"recist\":{\"longAxisMm\":null,\"shortAxisMm\":1}}", Lesion.class).field())
                .isEqualTo("recist.longAxisMm");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThat(problem("{\"k\": 3,\n \"offset\": }", SearchBody.class))
                .satisfies(p -> assertThat(p.field()).isNull())
                .satisfies(p -> assertThat(p.message()).startsWith("malformed JSON at line 2, column"));
        assertThat(problem("{\"vector\":[NaN]}", SearchBody.class))
                .satisfies(p -> assertThat(p.field()).isEqualTo("vector[0]"))
                .satisfies(p -> assertThat(p.message()).contains("NaN").doesNotContain("JsonReadFeature"));
        assertThat(problem("{\"k\":1}{\"k\":2}", SearchBody.class).message()).contains("malformed JSON");
        assertThat(problem("{\"k\":1,\"k\":2}", SearchBody.class).message()).contains("Duplicate field 'k'");
        assertThat(problem("", SearchBody.class).message()).isEqualTo("the JSON document is empty");
        assertThat(JsonProblem.of(catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue("{\"k\": }", SearchBody.class)), false).message()).startsWith("malformed JSON at column 7");
    }

    @Test
    void invalidValuesInsideRecordsNameTheirField() {
        JsonProblem p = problem("{\"id\":\"x\",\"model\":{\"name\":\"\",\"version\":\"1\"}}", Lesion.class);
        assertThat(p.field()).isEqualTo("model");
        assertThat(p.message()).contains("model name is missing");
        assertThat(problem("{\"id\":\"\"}", Lesion.class).message()).contains("field 'id'").contains("lesion id is missing");
    }

    @Test
    void hugeIntegersAreRefusedNotWrapped() {
        JsonProblem p = problem("{\"k\":99999999999}", SearchBody.class);
        assertThat(p.message()).contains("99999999999");
    }
}
