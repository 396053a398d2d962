package org.lesionsearch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lesionsearch.server.api.ServerConfig;

/** The page's files are served from the web module's classpath folder, under a strict content security policy. */
class WebPageTest {

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
    void theRootIsTheSearchPageWithAStrictContentSecurityPolicy() {
        SampleServer.Reply page = server.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.text()).contains("<title>Lesion Search</title>", "type=\"module\" src=\"app.js\"", "role=\"combobox\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // no inline script or style that the policy would block
        assertThat(page.text()).doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void everyModuleTheAppImportsIsServedAsJavaScript() {
        for (String file : List.of("app.js", "api.js", "dom.js", "format.js", "cards.js", "results.js", "autocomplete.js",
                "lesion.js", "timeline.js", "example.js")) {
            SampleServer.Reply js = server.get("/" + file);
            assertThat(js.status()).as(file).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type")).as(file)
                    .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
            assertThat(js.text()).as(file).doesNotContain("innerHTML").doesNotContain("eval(");
        }
        assertThat(server.get("/style.css").headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    }

    /**
     * Every name a module imports is exported by the module it names: a missing export stops the
     * whole page in the browser, and there is no build step to catch it.
     */
    @Test
    void everyImportedNameIsExportedByItsModule() {
        Pattern imports = Pattern.compile("import\\s*\\{([^}]*)}\\s*from\\s*'\\./([\\w-]+\\.js)'");
        Pattern namespace = Pattern.compile("import\\s*\\*\\s*as\\s*(\\w+)\\s*from\\s*'\\./([\\w-]+\\.js)'");
        Set<String> files = new TreeSet<>(List.of("app.js"));
        List<String> checked = new ArrayList<>();
        for (String file = "app.js"; file != null; file = files.stream().filter(f -> !checked.contains(f)).findFirst().orElse(null)) {
            checked.add(file);
            SampleServer.Reply js = server.get("/" + file);
            assertThat(js.status()).as(file).isEqualTo(200);
            Matcher m = imports.matcher(js.text());
            while (m.find()) {
                String target = m.group(2);
                files.add(target);
                String exported = server.get("/" + target).text();
                for (String name : m.group(1).split(",")) {
                    String n = name.trim().split("\\s+as\\s+")[0];
                    if (!n.isEmpty()) {
                        assertThat(exported).as(file + " imports " + n + " from " + target)
                                .containsPattern("export\\s+(async\\s+)?(function|class|const|let)\\s+" + Pattern.quote(n) + "\\b");
                    }
                }
            }
            Matcher all = namespace.matcher(js.text());
            while (all.find()) {
                String target = all.group(2);
                files.add(target);
                String exported = server.get("/" + target).text();
                Matcher used = Pattern.compile("\\b" + all.group(1) + "\\.(\\w+)").matcher(js.text());
                while (used.find()) {
                    if (used.group(1).equals("js")) {
                        continue; // the module's own file name in the import line
                    }
                    assertThat(exported).as(file + " uses " + used.group() + " from " + target)
                            .containsPattern("export\\s+(async\\s+)?(function|class|const|let)\\s+" + used.group(1) + "\\b");
                }
            }
        }
        assertThat(checked).contains("api.js", "cards.js", "results.js", "lesion.js", "timeline.js", "example.js", "autocomplete.js");
    }

    @Test
    void unknownFilesAreJsonNotFound() {
        SampleServer.Reply missing = server.get("/no-such-file.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.at("/status").asInt()).isEqualTo(404);
        assertThat(server.get("/../pom.xml").status()).isIn(400, 404);
    }
}
