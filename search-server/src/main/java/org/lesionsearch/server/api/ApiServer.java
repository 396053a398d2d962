package org.lesionsearch.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lesionsearch.server.api.error.ErrorHandlers;
import org.lesionsearch.server.auth.ListenPolicy;
import org.lesionsearch.server.auth.ServerSecurity;

/**
 * The HTTP API: a Javalin server mounting a list of route groups, answering JSON, errors
 * included. It does not own the index; whoever opened the index closes it after the server.
 */
public final class ApiServer implements AutoCloseable {

    /** One registered endpoint, as Javalin spells its path ({@code /api/lesions/{id}}). */
    public record Route(String method, String path) {
    }

    private final ServerConfig config;
    private final Javalin app;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final boolean authenticates;
    private final boolean https;

    /** A server without access control, which therefore listens on the loopback interface only. */
    public ApiServer(ServerConfig config, ObjectMapper mapper, List<Routes> groups) {
        this(config, mapper, groups, false, false);
    }

    private ApiServer(ServerConfig config, ObjectMapper mapper, List<Routes> groups, boolean authenticates, boolean https) {
        this.config = config;
        this.authenticates = authenticates;
        this.https = https;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.events(events -> events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
                }
            }));
            groups.forEach(group -> group.configure(cfg));
        });
        ErrorHandlers.register(app);
        groups.forEach(group -> group.register(app));
    }

    /** The standard server: every group of {@link RouteGroups} over the context's index. */
    public static ApiServer create(ApiContext context) {
        return create(context, ServerSecurity.none());
    }

    /** The standard server guarded by {@code security}: its groups go before every feature's. */
    public static ApiServer create(ApiContext context, ServerSecurity security) {
        List<Routes> groups = new ArrayList<>(security.routes(context));
        groups.addAll(RouteGroups.all(context));
        return new ApiServer(context.config(), context.bodies().mapper(), groups, security.authenticates(), security.https());
    }

    /** @throws IllegalStateException when asked to listen beyond the loopback interface without authentication */
    public ApiServer start() {
        ListenPolicy.check(config.host(), authenticates);
        app.start(config.host(), config.port());
        return this;
    }

    /** The port actually bound (useful when the configuration asked for any free port). */
    public int port() {
        return app.port();
    }

    public URI baseUri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create((https ? "https://" : "http://") + host + ":" + port());
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    @Override
    public void close() {
        app.stop();
    }
}
