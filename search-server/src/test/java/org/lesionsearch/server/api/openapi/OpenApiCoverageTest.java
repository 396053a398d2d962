package org.lesionsearch.server.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.server.api.ApiHarness;

/** The served OpenAPI description and the routes Javalin has registered agree, both ways. */
class OpenApiCoverageTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @TempDir
    static Path dir;

    private static ApiHarness api;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        api = ApiHarness.start(dir);
        ApiHarness.Reply reply = api.get("/api/openapi.json");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        document = reply.json();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Set<String> documented() {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    out.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return out;
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() {
        Set<String> registered = new TreeSet<>();
        api.server().routes().forEach(r -> registered.add(r.method() + " " + r.path()));
        assertThat(registered).contains("GET /api/health", "POST /api/search", "GET /api/lesions/{id}");
        assertThat(documented()).as("openapi.json paths (left) against Javalin routes").isEqualTo(registered);
    }

    @Test
    void theDocumentIsOpenApi31WithResponsesAndDeclaredPathParameters() {
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> problems = new ArrayList<>();
        Pattern param = Pattern.compile("\\{([^}]+)}");
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String name = op.getKey() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (!operation.has("responses") || operation.get("responses").isEmpty()) {
                    problems.add(name + " has no responses");
                }
                if (!operation.hasNonNull("summary")) {
                    problems.add(name + " has no summary");
                }
                Matcher m = param.matcher(path.getKey());
                while (m.find()) {
                    String p = m.group(1);
                    boolean declared = false;
                    for (JsonNode parameter : operation.path("parameters")) {
                        declared |= parameter.path("in").asText().equals("path") && parameter.path("name").asText().equals(p);
                    }
                    if (!declared) {
                        problems.add(name + " does not declare path parameter " + p);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everySchemaReferenceResolves() {
        List<String> missing = new ArrayList<>();
        collectRefs(document, missing);
        assertThat(missing).isEmpty();
    }

    private static void collectRefs(JsonNode node, List<String> missing) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && document.at(ref.asText().substring(1)).isMissingNode()) {
                missing.add(ref.asText());
            }
            node.forEach(child -> collectRefs(child, missing));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, missing));
        }
    }
}
