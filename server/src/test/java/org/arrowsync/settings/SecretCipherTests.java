package org.arrowsync.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTests {

    private static final SecretCipher CIPHER = new SecretCipher("operator secret");

    @Test
    void sealsWithAFreshIvUnderTheSaltedDerivationAndOpensAgain() {
        String first = CIPHER.seal("arrow-key");
        String second = CIPHER.seal("arrow-key");
        assertThat(first)
                .startsWith(SecretCipher.PREFIX)
                .doesNotContain("arrow-key")
                .isNotEqualTo(second);
        assertThat(CIPHER.open(first)).isEqualTo("arrow-key");
        assertThat(CIPHER.open(second)).isEqualTo("arrow-key");
        assertThat(CIPHER.outdated(first)).isFalse();
    }

    @Test
    void withoutASecretKeysStayAsGivenAndPlainValuesAlwaysRead() {
        assertThat(new SecretCipher("").seal("arrow-key")).isEqualTo("arrow-key");
        assertThat(CIPHER.open("arrow-key")).isEqualTo("arrow-key");
        assertThat(CIPHER.outdated("arrow-key"))
                .as("plain: sealed when its settings are saved")
                .isFalse();
    }

    @Test
    void refusesToOpenWithAnotherOrNoSecret() {
        String sealed = CIPHER.seal("arrow-key");
        assertThatThrownBy(() -> new SecretCipher("another secret").open(sealed))
                .hasMessageContaining("ARROWSYNC_SECRET_KEY");
        assertThatThrownBy(() -> new SecretCipher("").open(sealed)).hasMessageContaining("not set");
    }

    @Test
    void aValueSealedTheOldWayStillOpensAndIsOutdated() throws Exception {
        String old = sealedTheOldWay("operator secret", "legacy-arrow-key");
        assertThat(CIPHER.open(old)).isEqualTo("legacy-arrow-key");
        assertThat(CIPHER.outdated(old)).isTrue();
        assertThat(CIPHER.outdated(CIPHER.seal("legacy-arrow-key"))).isFalse();
        assertThatThrownBy(() -> new SecretCipher("another secret").open(old))
                .hasMessageContaining("ARROWSYNC_SECRET_KEY");
    }

    @Test
    void anotherServerAdoptsTheSaltTheStoredValuesUse() {
        String stored = CIPHER.seal("arrow-key");
        SecretCipher restarted = new SecretCipher("operator secret");
        assertThat(restarted.outdated(stored)).as("before it has looked").isTrue();
        restarted.useSaltOf(List.of("plain-key", stored));
        assertThat(restarted.outdated(stored)).isFalse();
        String salt = stored.substring(SecretCipher.PREFIX.length()).split(":")[0];
        assertThat(restarted.seal("other-key")).startsWith(SecretCipher.PREFIX + salt + ":");
        assertThat(restarted.open(stored)).isEqualTo("arrow-key");
    }

    /** What the server wrote before the salted derivation: AES-GCM under the secret's bare SHA-256. */
    static String sealedTheOldWay(String secret, String plain) throws Exception {
        SecretKeySpec key = new SecretKeySpec(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        byte[] iv = new byte[12];
        iv[0] = 7;
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return SecretCipher.PREFIX_V1
                + Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                .put(iv)
                                .put(sealed)
                                .array());
    }
}
