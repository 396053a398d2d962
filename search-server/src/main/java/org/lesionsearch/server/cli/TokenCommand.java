package org.lesionsearch.server.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lesion-search token}: the bearer tokens of the API. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Creates, lists and revokes the bearer tokens of the API. The token file keeps a salted hash of"
                + " each token, never the token; a running server notices changes within a second, so a revoked token"
                + " stops working without a restart.",
            "Roles: teaching (de-identified results only: pseudonyms instead of patient, study and lesion ids, no"
                + " dates), clinician (identified results, within-patient matching and tracks), ingest (writes and"
                + " STOW-RS pushes), admin (everything)."},
        footer = {"", "Examples:",
            "  lesion-search token create alice --role clinician --tokens /etc/lesion-search/tokens.json",
            "  lesion-search token create teaching-room --role teaching --rate 20 --tokens tokens.json",
            "  lesion-search token create pacs --role ingest --tokens tokens.json",
            "  lesion-search token list --tokens tokens.json",
            "  lesion-search token revoke alice --tokens tokens.json",
            "  export LESION_SEARCH_TOKENS=/etc/lesion-search/tokens.json   # then --tokens may be left out"},
        subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
public final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The token file of a subcommand: the option, else the environment; an error when neither says. */
    static Path tokenFile(CommandSpec spec, Path option) {
        if (option != null) {
            return option;
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "no token file: give --tokens FILE or set $" + SecurityOptions.TOKENS_VARIABLE);
    }
}
