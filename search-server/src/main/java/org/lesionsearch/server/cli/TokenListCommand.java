package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lesionsearch.server.auth.StoredToken;
import org.lesionsearch.server.auth.TokenFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search token list}: the tokens of a token file, without their secrets. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the tokens of a token file: name, id, role, rate limit and creation time (never a secret)."},
        footer = {"", "Examples:",
            "  lesion-search token list --tokens tokens.json",
            "  lesion-search token list --tokens tokens.json --json"})
public final class TokenListCommand implements Callable<Integer> {

    /** One listed token. */
    record Listed(String name, String id, String role, Double ratePerSecond, String created) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--tokens", paramLabel = "FILE", defaultValue = "${env:" + SecurityOptions.TOKENS_VARIABLE + "}",
            description = "Token file (default: $" + SecurityOptions.TOKENS_VARIABLE + ").")
    Path tokens;

    @Option(names = "--json", description = "Print the list as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TokenFile file = new TokenFile(TokenCommand.tokenFile(spec, tokens));
        List<StoredToken> stored;
        try {
            stored = file.read();
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        List<Listed> rows = stored.stream().map(t -> new Listed(t.name(), t.id(), t.role().wireName(), t.ratePerSecond(),
                t.created().toString())).toList();
        if (json) {
            out.println(new ObjectMapper().registerModule(new JavaTimeModule()).enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(rows));
        } else {
            int width = Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4));
            String format = "%-" + width + "s  %-12s  %-9s  %-10s  %s%n";
            out.printf(format, "name", "id", "role", "rate (/s)", "created");
            for (Listed r : rows) {
                out.printf(format, r.name(), r.id(), r.role(), r.ratePerSecond() == null ? "default" : r.ratePerSecond(),
                        r.created());
            }
            out.printf("%d tokens in %s%n", rows.size(), file.path());
        }
        out.flush();
        return 0;
    }
}
