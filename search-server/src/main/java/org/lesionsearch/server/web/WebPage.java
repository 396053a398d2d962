package org.lesionsearch.server.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.lesionsearch.server.api.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search page: the {@code web} module's static files (HTML, CSS and JavaScript modules, no
 * build step) served under {@code /} from the classpath. They load only from this server, so a
 * strict content security policy holds; the page reads the API with the same origin.
 */
public final class WebPage implements Routes {

    /** Where the {@code web} module puts its files on the classpath. */
    public static final String CLASSPATH_FOLDER = "/org/lesionsearch/web";

    private static final Logger LOG = LoggerFactory.getLogger(WebPage.class);

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Override
    public void register(Javalin app) {
        // static files only: no handler routes, so the OpenAPI description is unaffected
    }

    @Override
    public void configure(JavalinConfig config) {
        if (WebPage.class.getResource(CLASSPATH_FOLDER + "/index.html") == null) {
            // a build without the web module still serves the API
            LOG.warn("the search page's files are not on the classpath ({}); serving the API only", CLASSPATH_FOLDER);
            return;
        }
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = CLASSPATH_FOLDER;
            files.location = Location.CLASSPATH;
            // revalidated on every load, so that a new build is never mixed with cached modules
            files.headers = Map.of("Cache-Control", "no-cache", "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                    "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
        });
    }
}
