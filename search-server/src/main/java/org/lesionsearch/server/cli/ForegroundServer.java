package org.lesionsearch.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.auth.ListenPolicy;
import org.lesionsearch.server.auth.ServerSecurity;

/**
 * Runs the API in the foreground until the process is asked to stop (Ctrl-C, SIGTERM); a
 * shutdown hook then stops the server and closes the index, in that order.
 */
final class ForegroundServer {

    private ForegroundServer() {
    }

    /** Takes ownership of {@code index}: it is closed when the server stops or fails to start. */
    static int run(LesionIndex index, ServerConfig config, PrintWriter out, PrintWriter err) {
        return run(ApiContext.of(config, index), out, err);
    }

    /**
     * Takes ownership of the context's index and encoder: they are closed when the server stops or
     * fails to start.
     */
    static int run(ApiContext context, PrintWriter out, PrintWriter err) {
        return run(context, ServerSecurity.none(), out, err);
    }

    /**
     * Takes ownership of the context's index and encoder and of the security's audit log: they are
     * closed when the server stops or fails to start. Refuses (exit code 2) to listen beyond the
     * loopback interface without tokens.
     */
    static int run(ApiContext context, ServerSecurity security, PrintWriter out, PrintWriter err) {
        ServerConfig config = context.config();
        try {
            ListenPolicy.check(config.host(), security.authenticates());
        } catch (IllegalStateException e) {
            closeAll(context, security);
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        ApiServer server;
        try {
            server = ApiServer.create(context, security).start();
        } catch (RuntimeException e) {
            closeAll(context, security);
            err.println("error: cannot listen on " + config.host() + ":" + config.port() + ": " + rootMessage(e));
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                closeAll(context, security);
                stopped.countDown();
            }
        }, "lesion-search-shutdown"));
        if (security.authenticates()) {
            err.println("access: " + security.tokens().size() + " tokens from " + security.tokens().file().path()
                    + (security.audit() == null ? "" : "; audit log: " + security.audit().path())
                    + (security.https() ? "; HTTPS" : ""));
        }
        out.println("Lesion Search listening on " + server.baseUri() + "  (search page: " + server.baseUri()
                + "/ ; API description: " + server.baseUri() + "/api/openapi.json; stop with Ctrl-C)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void closeAll(ApiContext context, ServerSecurity security) {
        try {
            if (context.encoder() != null) {
                context.encoder().close();
            }
        } finally {
            try {
                context.index().close();
            } finally {
                try {
                    security.close();
                } catch (IOException e) {
                    System.err.println("warning: closing the audit log failed: " + e.getMessage());
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
