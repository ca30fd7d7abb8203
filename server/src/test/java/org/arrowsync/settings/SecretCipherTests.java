package org.arrowsync.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTests {

    @Test
    void sealsWithAFreshIvAndOpensAgain() {
        SecretCipher cipher = new SecretCipher("operator secret");
        String first = cipher.seal("arrow-key");
        String second = cipher.seal("arrow-key");
        assertThat(first)
                .startsWith(SecretCipher.PREFIX)
                .doesNotContain("arrow-key")
                .isNotEqualTo(second);
        assertThat(cipher.open(first)).isEqualTo("arrow-key");
        assertThat(cipher.open(second)).isEqualTo("arrow-key");
    }

    @Test
    void withoutASecretKeysStayAsGivenAndPlainValuesAlwaysRead() {
        assertThat(new SecretCipher("").seal("arrow-key")).isEqualTo("arrow-key");
        assertThat(new SecretCipher("operator secret").open("arrow-key")).isEqualTo("arrow-key");
    }

    @Test
    void refusesToOpenWithAnotherOrNoSecret() {
        String sealed = new SecretCipher("operator secret").seal("arrow-key");
        assertThatThrownBy(() -> new SecretCipher("another secret").open(sealed))
                .hasMessageContaining("ARROWSYNC_SECRET_KEY");
        assertThatThrownBy(() -> new SecretCipher("").open(sealed)).hasMessageContaining("not set");
    }
}
