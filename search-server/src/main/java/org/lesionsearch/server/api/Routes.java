package org.lesionsearch.server.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

/**
 * A group of HTTP routes (one resource or feature). {@link RouteGroups} lists every group the
 * server mounts.
 */
public interface Routes {

    /** Adds this group's handlers. Every route must also be described in {@code openapi.json}. */
    void register(Javalin app);

    /** Settings that must be made before the server is created, such as static files; none by default. */
    default void configure(JavalinConfig config) {
    }
}
