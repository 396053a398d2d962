package org.lesionsearch.server.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;

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
        ServerConfig config = context.config();
        ApiServer server;
        try {
            server = ApiServer.create(context).start();
        } catch (RuntimeException e) {
            closeAll(context);
            err.println("error: cannot listen on " + config.host() + ":" + config.port() + ": " + rootMessage(e));
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                closeAll(context);
                stopped.countDown();
            }
        }, "lesion-search-shutdown"));
        if (!isLoopback(config.host())) {
            err.println("warning: listening on " + config.host() + ", not on the loopback address: the API has no"
                    + " authentication yet, so anyone who can reach this address can read patient data");
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

    private static void closeAll(ApiContext context) {
        try {
            if (context.encoder() != null) {
                context.encoder().close();
            }
        } finally {
            context.index().close();
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
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
