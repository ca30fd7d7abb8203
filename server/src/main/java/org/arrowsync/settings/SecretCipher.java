package org.arrowsync.settings;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.arrowsync.shared.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Secrets at rest (Arrow API keys, webhook signing secrets): with {@code ARROWSYNC_SECRET_KEY} set they are stored
 * AES-GCM encrypted under a key derived from it with PBKDF2 (HMAC-SHA256, a random salt stored with each value);
 * without it they are stored as given. All values share the installation's salt, so one derivation serves them. Values
 * written any earlier way stay readable (plain, {@code enc:v1:} under the secret's bare SHA-256, another salt) and
 * {@link #outdated} tells which to seal again. Every key sealed or opened is remembered for scrubbing
 * ({@link Secrets}).
 */
@Component
public class SecretCipher {

    static final String PREFIX = "enc:v2:";
    /** Before D53: the AES key was the secret's SHA-256, no salt, no work factor. */
    static final String PREFIX_V1 = "enc:v1:";

    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

    private final String secret;
    /**
     * The installation's salt: the one the stored values use ({@link #useSaltOf}), a new one on a database without any.
     * One derivation (costly on purpose) then serves every value.
     */
    private volatile String salt;
    /** Derived keys by salt, each derived once. */
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    SecretCipher(@Value("${arrowsync.secret-key:}") String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret;
        byte[] bytes = new byte[SALT_BYTES];
        RANDOM.nextBytes(bytes);
        this.salt = BASE64.encodeToString(bytes);
        Secrets.remember(this.secret);
    }

    public String seal(String plain) {
        Secrets.remember(plain);
        if (secret == null || plain == null) {
            return plain;
        }
        String saltNow = salt;
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(saltNow), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + saltNow + ":"
                    + BASE64.encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    public String open(String stored) {
        String plain = stored;
        if (stored != null && stored.startsWith(PREFIX)) {
            String[] parts = stored.substring(PREFIX.length()).split(":", 2);
            plain = parts.length == 2 ? decrypt(parts[1], () -> key(parts[0])) : unreadable(null);
        } else if (stored != null && stored.startsWith(PREFIX_V1)) {
            plain = decrypt(stored.substring(PREFIX_V1.length()), this::sha256Key);
        }
        Secrets.remember(plain);
        return plain;
    }

    /** Seals from now on with the salt the stored values use, if any does, so that all values keep sharing one. */
    void useSaltOf(List<String> stored) {
        stored.stream()
                .filter(value -> value != null && value.startsWith(PREFIX))
                .map(value -> value.substring(PREFIX.length()).split(":", 2)[0])
                .findFirst()
                .ifPresent(found -> salt = found);
    }

    /**
     * Whether a sealed value should be sealed again: sealed the old way, or under another salt than the installation's
     * (two servers that started on an empty database at once). A plain value waits until its settings are saved, as it
     * always did.
     */
    boolean outdated(String stored) {
        return secret != null
                && stored != null
                && (stored.startsWith(PREFIX_V1) || stored.startsWith(PREFIX))
                && !stored.startsWith(PREFIX + salt + ":");
    }

    private interface KeySource {
        SecretKeySpec get() throws GeneralSecurityException;
    }

    private String decrypt(String payload, KeySource key) {
        if (secret == null) {
            throw new IllegalStateException("Secrets are stored encrypted, but ARROWSYNC_SECRET_KEY is not set");
        }
        try {
            byte[] bytes = UNBASE64.decode(payload);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return unreadable(e);
        }
    }

    private static String unreadable(Exception cause) {
        throw new IllegalStateException(
                "Cannot decrypt a stored secret: is ARROWSYNC_SECRET_KEY the one it was stored with?", cause);
    }

    private SecretKeySpec key(String saltText) throws GeneralSecurityException {
        SecretKeySpec known = keys.get(saltText);
        if (known != null) {
            return known;
        }
        byte[] saltBytes = UNBASE64.decode(saltText);
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), saltBytes, ITERATIONS, 256);
        try {
            SecretKeySpec derived = new SecretKeySpec(
                    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                            .generateSecret(spec)
                            .getEncoded(),
                    "AES");
            keys.put(saltText, derived);
            return derived;
        } finally {
            spec.clearPassword();
        }
    }

    private SecretKeySpec sha256Key() throws GeneralSecurityException {
        return new SecretKeySpec(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
    }
}
