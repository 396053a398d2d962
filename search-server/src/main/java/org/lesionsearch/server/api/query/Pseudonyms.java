package org.lesionsearch.server.api.query;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms for patients, studies and lesions: a keyed hash (HMAC-SHA-256), so that the
 * same id always gets the same pseudonym under one key while nobody without the key can
 * recover it by hashing candidate ids. Thread-safe.
 */
public final class Pseudonyms {

    /** Environment variable holding the key (any text of at least 16 characters). */
    public static final String KEY_VARIABLE = "LESION_SEARCH_PSEUDONYM_KEY";

    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a pseudonym key needs at least 16 bytes, had " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /**
     * The key from {@value #KEY_VARIABLE}, so that pseudonyms stay the same across restarts; a
     * random key for this process when the variable is unset.
     */
    public static Pseudonyms fromEnvironment() {
        String text = System.getenv(KEY_VARIABLE);
        if (text != null && !text.isBlank()) {
            return new Pseudonyms(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new Pseudonyms(random);
    }

    public String patient(String patientId) {
        return "P-" + hash("patient\u0000" + patientId);
    }

    public String study(String patientId, String studyId) {
        return "S-" + hash("study\u0000" + patientId + "\u0000" + studyId);
    }

    public String lesion(String lesionId) {
        return "L-" + hash("lesion\u0000" + lesionId);
    }

    private String hash(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
