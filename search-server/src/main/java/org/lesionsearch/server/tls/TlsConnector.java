package org.lesionsearch.server.tls;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.lesionsearch.server.api.Routes;
import org.lesionsearch.server.api.ServerConfig;

/**
 * Makes the server speak HTTPS only: one TLS connector on the configured address and port in
 * place of the plain one. The key is read when the server is created, so a bad file fails the
 * start with a message naming it.
 */
public final class TlsConnector implements Routes {

    private final ServerConfig config;
    private final KeyStore keys;
    private final String password;

    /** @throws UncheckedIOException naming the certificate or key file that cannot be used */
    public TlsConnector(ServerConfig config, TlsSettings settings) {
        this.config = config;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.password = Base64.getEncoder().encodeToString(random);
        try {
            this.keys = PemKeyStore.load(settings, password.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public void configure(JavalinConfig cfg) {
        cfg.jetty.addConnector((server, http) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(keys);
            ssl.setKeyStorePassword(password);
            ssl.setKeyManagerPassword(password);
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // clients reach servers by IP address too; the certificate is checked by the client, not here
            secure.setSniHostCheck(false);
            https.addCustomizer(secure);
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            connector.setHost(config.host());
            connector.setPort(config.port());
            return connector;
        });
    }

    @Override
    public void register(Javalin app) {
        // transport only: no routes
    }
}
