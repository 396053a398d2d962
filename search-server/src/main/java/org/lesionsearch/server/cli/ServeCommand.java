package org.lesionsearch.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.server.backend.LesionIndexFactory;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.auth.ServerSecurity;
import org.lesionsearch.server.limits.TimeLimitedIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search serve}: the HTTP API over an index directory. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the search page and the JSON API over a Lucene index directory (created empty when missing),"
                + " or over lesions on Elasticsearch with --backend elasticsearch.",
            "Listens on 127.0.0.1 unless --host says otherwise, which needs --tokens: with tokens every request needs"
                + " one and its role decides what it may see (teaching: de-identified lesions only). Ctrl-C or SIGTERM"
                + " stops it and closes the index cleanly."},
        footer = {"", "Examples:",
            "  lesion-search serve --index data/index",
            "  lesion-search serve --index data/index --port 0            # any free port; the address is printed",
            "  lesion-search token create alice --role clinician --tokens /etc/lesion-search/tokens.json",
            "  lesion-search serve --index data/index --host 0.0.0.0 --port 8443 --tokens /etc/lesion-search/tokens.json \\",
            "      --tls-cert server.crt --tls-key server.key --rate-limit 50 --max-k 200",
            "  lesion-search serve --index data/demo/index --model shipped   # with search by an uploaded example",
            "  lesion-search serve --backend elasticsearch --es-url http://127.0.0.1:9200 --es-index lesions",
            "", "Then: curl http://127.0.0.1:7070/api/health  (the API is described at /api/openapi.json)"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Index directory (required with --backend lucene; with elasticsearch, where thumbnails are).")
    Path index;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Option(names = "--model", paramLabel = "DIR|shipped",
            description = "Model for search by an uploaded example on the web page: a bundle folder, or 'shipped' for the"
                    + " weights in this build; it must be the model that made the index's vectors (default: none, so"
                    + " search by example is off).")
    String model;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    SecurityOptions access = new SecurityOptions();

    @Override
    public Integer call() {
        ServerConfig config;
        try {
            config = server.config();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        ServerSecurity security;
        Duration searchTimeout;
        try {
            searchTimeout = access.searchTimeout();
            security = access.security();
        } catch (IllegalArgumentException | IOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        LesionIndexFactory factory;
        try {
            factory = backend.factory(index, false);
        } catch (IllegalArgumentException e) {
            closeQuietly(security);
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        LesionIndex opened;
        try {
            opened = factory.open();
        } catch (RuntimeException e) {
            closeQuietly(security);
            // IndexException names the directory and what to do (a corrupted index: re-index from sources)
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        // searches get a deadline, so that no request hangs on a slow query or a backend gone away
        opened = TimeLimitedIndex.forMachine(opened, searchTimeout);
        ApiContext context = ApiContext.of(config, opened).withThumbnailRoot(index);
        if (model != null) {
            try {
                context = context.withEncoder(ExampleModel.open(model, opened, spec.commandLine().getErr()));
            } catch (IOException | RuntimeException e) {
                opened.close();
                closeQuietly(security);
                spec.commandLine().getErr().println("error: cannot load the model: " + e.getMessage());
                return 2;
            }
        }
        return ForegroundServer.run(context, security, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private static void closeQuietly(ServerSecurity security) {
        try {
            security.close();
        } catch (IOException ignored) {
            // the start already failed; that failure is the one to report
        }
    }
}
