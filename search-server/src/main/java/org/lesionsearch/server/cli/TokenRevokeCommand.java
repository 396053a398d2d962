package org.lesionsearch.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.lesionsearch.server.auth.StoredToken;
import org.lesionsearch.server.auth.TokenFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lesion-search token revoke}: removes a token; running servers refuse it within a second. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Removes a token by name or id. Running servers notice within a second and refuse it from then on."},
        footer = {"", "Examples:",
            "  lesion-search token revoke alice --tokens tokens.json",
            "  lesion-search token revoke 3f2a9c01b7de --tokens tokens.json"})
public final class TokenRevokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME|ID", description = "The token's name or id (see 'token list').")
    String which;

    @Option(names = "--tokens", paramLabel = "FILE", defaultValue = "${env:" + SecurityOptions.TOKENS_VARIABLE + "}",
            description = "Token file (default: $" + SecurityOptions.TOKENS_VARIABLE + ").")
    Path tokens;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        TokenFile file = new TokenFile(TokenCommand.tokenFile(spec, tokens));
        AtomicReference<StoredToken> removed = new AtomicReference<>();
        try {
            file.update(existing -> {
                existing.stream().filter(t -> t.name().equals(which) || t.id().equals(which)).findFirst()
                        .ifPresent(removed::set);
                return removed.get() == null ? existing : existing.stream().filter(t -> t != removed.get()).toList();
            });
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (removed.get() == null) {
            err.println("error: no token named or with id '" + which + "' in " + file.path());
            return 1;
        }
        spec.commandLine().getOut().println("Revoked token '" + removed.get().name() + "' (" + removed.get().role().wireName()
                + ", id " + removed.get().id() + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }

}
