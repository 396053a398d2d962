package org.lesionsearch.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.lesionsearch.server.auth.IssuedToken;
import org.lesionsearch.server.auth.Role;
import org.lesionsearch.server.auth.StoredToken;
import org.lesionsearch.server.auth.TokenFile;
import org.lesionsearch.server.auth.TokenSecrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lesion-search token create}: a new token, shown once. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Makes a token with a role and prints it once on standard output; the token file keeps only its"
                + " salted hash. Give it to its holder, who sends it as 'Authorization: Bearer TOKEN'."},
        footer = {"", "Examples:",
            "  lesion-search token create alice --role clinician --tokens tokens.json",
            "  lesion-search token create teaching-room --role teaching --rate 20 --tokens tokens.json",
            "  TOKEN=$(lesion-search token create pipeline --role ingest --tokens tokens.json)"})
public final class TokenCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Who or what holds the token (letters, digits, . _ @ -).")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "teaching, clinician, ingest or admin.")
    String role;

    @Option(names = "--rate", paramLabel = "N",
            description = "This token's requests per second (default: the server's --rate-limit).")
    Double rate;

    @Option(names = "--tokens", paramLabel = "FILE", defaultValue = "${env:" + SecurityOptions.TOKENS_VARIABLE + "}",
            description = "Token file, created when missing (default: $" + SecurityOptions.TOKENS_VARIABLE + ").")
    Path tokens;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Role parsed;
        try {
            parsed = Role.parse(role);
            StoredToken.requireName(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        TokenFile file = new TokenFile(TokenCommand.tokenFile(spec, tokens));
        AtomicReference<IssuedToken> issued = new AtomicReference<>();
        try {
            file.update(existing -> {
                if (existing.stream().anyMatch(t -> t.name().equals(name))) {
                    throw new IllegalArgumentException("a token named '" + name + "' exists; revoke it first or pick"
                            + " another name");
                }
                IssuedToken token = new TokenSecrets(new SecureRandom()).issue(name, parsed, rate, Instant.now());
                issued.set(token);
                existing.add(token.stored());
                return List.copyOf(existing);
            });
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        IssuedToken token = issued.get();
        err.println("Created token '" + name + "' (" + parsed.wireName() + ", id " + token.stored().id() + ") in "
                + file.path() + ". It is shown only now:");
        err.flush();
        spec.commandLine().getOut().println(token.bearer());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
