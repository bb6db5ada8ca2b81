package com.coachintel.leads.adapter.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Comparing what a caller sends with a secret (a proxy secret, webhook credentials, a signature) in constant time: both
 * sides are hashed to SHA-256 first, so that neither the content nor the length of the secret leaks through timing.
 */
final class Secrets {

    private Secrets() {
    }

    /** The digest to keep of a secret, computed once. */
    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code given} (null for nothing sent) is the secret whose digest is {@code expectedDigest}. */
    static boolean matches(byte[] expectedDigest, String given) {
        return given != null && MessageDigest.isEqual(expectedDigest, digest(given));
    }
}
