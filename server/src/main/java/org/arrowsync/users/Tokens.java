package org.arrowsync.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Tokens are 40 random hex digits; only their SHA-256 is stored (they carry enough entropy for a plain hash), and their
 * first four characters as a hint to tell a user's tokens apart (16 of 160 bits: no help in guessing one).
 */
final class Tokens {

    static final int HINT_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    static String generate() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The first characters of a token long enough to spare them; null for a short (configured) one. */
    static String hint(String token) {
        return token.length() < HINT_LENGTH * 8 ? null : token.substring(0, HINT_LENGTH);
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
