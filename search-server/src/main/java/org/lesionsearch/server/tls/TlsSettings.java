package org.lesionsearch.server.tls;

import java.nio.file.Path;

/**
 * HTTPS for the server: a PEM certificate (chain) and its PEM private key (PKCS#8, RSA or EC).
 *
 * @param certificate the server certificate, followed by any intermediate certificates
 * @param privateKey the certificate's private key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY})
 */
public record TlsSettings(Path certificate, Path privateKey) {

    public TlsSettings {
        if (certificate == null || privateKey == null) {
            throw new IllegalArgumentException("TLS needs both a certificate and a private key file");
        }
    }
}
