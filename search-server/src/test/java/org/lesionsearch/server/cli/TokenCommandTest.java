package org.lesionsearch.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.server.auth.Role;
import org.lesionsearch.server.auth.TokenFile;
import org.lesionsearch.server.auth.TokenVerifier;

/** {@code token create|list|revoke}, and {@code serve} refusing what access control forbids. */
class TokenCommandTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        CommandRun r = CommandRun.of(args);
        return new String[] {Integer.toString(r.code()), r.out(), r.err()};
    }

    @Test
    void createListRevoke() throws Exception {
        Path file = dir.resolve("conf/tokens.json");
        String[] created = run("token", "create", "alice", "--role", "clinician", "--tokens", file.toString());
        assertThat(created[0]).isEqualTo("0");
        String token = created[1].trim();
        assertThat(token).startsWith("lst_").hasSizeGreaterThan(50);
        assertThat(created[2]).contains("alice").contains("clinician").contains("shown only now");
        String stored = Files.readString(file);
        assertThat(stored).contains("alice").doesNotContain(token).doesNotContain(token.substring(17));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(TokenVerifier.load(new TokenFile(file)).verify(token))
                .hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.CLINICIAN));

        assertThat(run("token", "create", "room-3", "--role", "teaching", "--rate", "5", "--tokens", file.toString())[0])
                .isEqualTo("0");
        String[] duplicate = run("token", "create", "alice", "--role", "admin", "--tokens", file.toString());
        assertThat(duplicate[0]).isEqualTo("2");
        assertThat(duplicate[2]).contains("'alice' exists");
        String[] badRole = run("token", "create", "bob", "--role", "superuser", "--tokens", file.toString());
        assertThat(badRole[0]).isEqualTo("2");
        assertThat(badRole[2]).contains("unknown role 'superuser'").contains("teaching, clinician, ingest, admin");
        assertThat(run("token", "create", "bad name!", "--role", "admin", "--tokens", file.toString())[0]).isEqualTo("2");

        String[] listed = run("token", "list", "--tokens", file.toString());
        assertThat(listed[0]).isEqualTo("0");
        assertThat(listed[1]).contains("alice").contains("clinician").contains("room-3").contains("5.0").contains("2 tokens")
                .doesNotContain(token.substring(17));
        assertThat(run("token", "list", "--tokens", file.toString(), "--json")[1]).contains("\"role\" : \"teaching\"");

        String[] revoked = run("token", "revoke", "alice", "--tokens", file.toString());
        assertThat(revoked[0]).isEqualTo("0");
        assertThat(revoked[1]).contains("Revoked token 'alice'");
        assertThat(TokenVerifier.load(new TokenFile(file)).verify(token)).isEmpty();
        assertThat(run("token", "revoke", "alice", "--tokens", file.toString())[0]).isEqualTo("1");
    }

    @Test
    void aBrokenTokenFileIsAnErrorNamingIt() throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"format\":1,\"tokens\":[{\"id\":\"zz\"}]}");
        String[] listed = run("token", "list", "--tokens", file.toString());
        assertThat(listed[0]).isEqualTo("2");
        assertThat(listed[2]).contains(file.toString()).doesNotContain("\tat ");
        String[] served = run("serve", "--index", dir.resolve("index").toString(), "--tokens", file.toString(), "--port", "0");
        assertThat(served[0]).isEqualTo("2");
        assertThat(served[2]).contains(file.toString());
    }

    @Test
    void serveRefusesToOpenUpWithoutTokensAndReleasesTheIndex() {
        Path index = dir.resolve("index");
        String[] refused = run("serve", "--index", index.toString(), "--host", "0.0.0.0", "--port", "0");
        assertThat(refused[0]).isEqualTo("2");
        assertThat(refused[2]).contains("refusing to listen on 0.0.0.0 without authentication").contains("token create");
        try (LuceneLesionIndex reopened = LuceneLesionIndex.open(index, LuceneIndexOptions.defaults())) {
            assertThat(reopened.count(Filter.all())).isZero();
        }
        Path empty = dir.resolve("empty-tokens.json");
        String[] noTokens = run("serve", "--index", index.toString(), "--tokens", empty.toString(), "--host", "0.0.0.0");
        assertThat(noTokens[0]).isEqualTo("2");
        assertThat(noTokens[2]).contains("holds no tokens");
        String[] halfTls = run("serve", "--index", index.toString(), "--tls-cert", "x.pem");
        assertThat(halfTls[0]).isEqualTo("2");
        assertThat(halfTls[2]).contains("--tls-key");
    }

    @Test
    void helpShowsExamples() {
        assertThat(run("token", "--help")[1]).contains("Examples:").contains("token create alice --role clinician");
        assertThat(run("token", "create", "--help")[1]).contains("Examples:");
        assertThat(run("serve", "--help")[1]).contains("--tokens").contains("--tls-cert").contains("--rate-limit")
                .contains("--search-timeout");
    }
}
