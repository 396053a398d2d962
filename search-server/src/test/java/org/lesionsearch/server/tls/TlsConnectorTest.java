package org.lesionsearch.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lesionsearch.core.index.lucene.LuceneIndexOptions;
import org.lesionsearch.core.index.lucene.LuceneLesionIndex;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.auth.ServerSecurity;

/** HTTPS with a PEM certificate and key made by openssl, checked by a client that trusts only that certificate. */
class TlsConnectorTest {

    @TempDir
    static Path dir;
    static Path cert;
    static Path key;

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = dir.resolve("server.crt");
        key = dir.resolve("server.key");
        assumeTrue(run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-days", "1", "-subj", "/CN=localhost", "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost"), "openssl is needed to make a test certificate");
    }

    @Test
    void theServerSpeaksHttpsWithTheGivenCertificateOnly() throws Exception {
        try (LuceneLesionIndex index = LuceneLesionIndex.open(dir.resolve("index"), LuceneIndexOptions.defaults())) {
            ApiContext context = ApiContext.of(ServerConfig.defaults().withPort(0), index);
            ServerSecurity security = new ServerSecurity(null, null, null, new TlsSettings(cert, key));
            try (ApiServer server = ApiServer.create(context, security).start()) {
                assertThat(server.baseUri().getScheme()).isEqualTo("https");
                HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(cert)).connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"ok\"");

                URI plain = URI.create("http://127.0.0.1:" + server.port() + "/api/health");
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                boolean plainRefused;
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    plainRefused = r.statusCode() >= 400;
                } catch (IOException expected) {
                    plainRefused = true;
                }
                assertThat(plainRefused).as("plain HTTP on the HTTPS port gets no answer").isTrue();

                HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/health"))
                        .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void unusableKeyFilesAreNamedWithWhatToDo() throws Exception {
        Path traditional = dir.resolve("rsa.key");
        assumeTrue(run("openssl", "rsa", "-in", key.toString(), "-traditional", "-out", traditional.toString()));
        ServerConfig config = ServerConfig.defaults().withPort(0);
        assertThatThrownBy(() -> new TlsConnector(config, new TlsSettings(cert, traditional)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("RSA PRIVATE KEY").hasMessageContaining("openssl pkcs8");
        Path missing = dir.resolve("missing.key");
        assertThatThrownBy(() -> new TlsConnector(config, new TlsSettings(cert, missing)))
                .hasMessageContaining(missing.toString());
        Path garbage = dir.resolve("garbage.crt");
        Files.writeString(garbage, "not a certificate");
        assertThatThrownBy(() -> new TlsConnector(config, new TlsSettings(garbage, key)))
                .hasMessageContaining(garbage.toString());
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}
