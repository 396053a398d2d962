package org.lesionsearch.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a PEM certificate chain and private key into an in-memory key store for the HTTPS connector. */
public final class PemKeyStore {

    static final String ALIAS = "lesion-search";
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");

    private PemKeyStore() {
    }

    /** @throws IOException naming the file and what is wrong with it */
    public static KeyStore load(TlsSettings settings, char[] password) throws IOException {
        List<Certificate> chain = certificates(settings);
        PrivateKey key = privateKey(settings);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("the key in " + settings.privateKey() + " does not fit the certificate in "
                    + settings.certificate() + ": " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(TlsSettings settings) throws IOException {
        byte[] bytes = read(settings.certificate(), "certificate");
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            if (certs.isEmpty()) {
                throw new IOException("the certificate file " + settings.certificate() + " holds no certificate");
            }
            return List.copyOf(certs);
        } catch (GeneralSecurityException e) {
            throw new IOException("the certificate file " + settings.certificate() + " is not a PEM certificate: "
                    + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(TlsSettings settings) throws IOException {
        String text = new String(read(settings.privateKey(), "private key"), StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PRIVATE KEY")) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    } catch (InvalidKeySpecException wrongAlgorithm) {
                        // try the next one
                    } catch (GeneralSecurityException e) {
                        throw new IOException("cannot read the private key in " + settings.privateKey() + ": " + e.getMessage(), e);
                    }
                }
                throw new IOException("the private key in " + settings.privateKey() + " is neither RSA, EC nor Ed25519");
            }
            if (type.endsWith("PRIVATE KEY")) {
                throw new IOException("the private key in " + settings.privateKey() + " is a '" + type + "' block; convert"
                        + " it to unencrypted PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
            }
        }
        throw new IOException("the file " + settings.privateKey() + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static byte[] read(java.nio.file.Path file, String what) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("cannot read the TLS " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
